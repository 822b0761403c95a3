#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Headless GUI tests of the Timeline (and Map) views: open the tab, find an incident's
//! marker by its accessible label, click it and see its sources (egui_kittest).

use briefing_builder::analysis::timeline::timeline_items;
use briefing_builder::app::{AppConfig, AppState, BriefingApp, Tab};
use briefing_builder::pipeline::Corpus;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, HarnessBuilder};

fn harness(dir: &std::path::Path) -> Harness<'static, BriefingApp> {
    let corpus = Corpus::build(briefing_builder::corpus::embedded_seeds());
    let state = AppState::new(corpus, AppConfig::headless(Some(dir.to_path_buf())));
    HarnessBuilder::default()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut BriefingApp| app.show(ui), BriefingApp::with_state(state))
}

#[test]
fn timeline_selects_an_incident_by_its_label_and_shows_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Timeline").click();
    h.run();
    assert_eq!(h.state().state.prefs.tab, Tab::Timeline);
    h.get_by_label("Incident timeline");
    h.check_accessibility();

    // The most corroborated dated incident: its marker is labelled with its date and summary.
    let incidents = h.state().state.corpus.incidents.clone();
    let items = timeline_items(&incidents, 3);
    assert!(!items.is_empty(), "the seeds give dated incidents");
    let item = items.iter().max_by_key(|t| t.sources).unwrap();
    assert!(item.sources >= 2, "a seed incident is reported by several sources");
    assert_eq!(h.state().state.selected_incident, None);
    h.get_by_label_contains(&item.label).click();
    h.run();
    assert_eq!(h.state().state.selected_incident, Some(item.incident));

    // Its sources are listed, one link per reporting event; a link opens the Reader.
    let inc = &incidents[item.incident];
    let links: Vec<_> = h.get_all_by_label_contains("Source: ").collect();
    assert_eq!(links.len(), inc.events.len(), "one source line per report");
    let first_doc = &h.state().state.corpus.events[inc.events[0]].doc.clone();
    let title =
        h.state().state.corpus.docs.iter().find(|d| &d.id == first_doc).unwrap().display_title().to_string();
    h.get_all_by_label(&format!("Source: {title}")).next().unwrap().click();
    h.run();
    assert_eq!(h.state().state.prefs.tab, Tab::Reader, "the source opens in the Reader");
}

#[test]
fn timeline_zoom_buttons_work_and_selected_incident_can_be_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Timeline").click();
    h.run();
    h.get_by_label("Zoom in").click();
    h.run();
    h.get_by_label("Zoom out").click();
    h.run();
    h.get_by_label("Fit all").click();
    h.run();
    let before = h.state().state.briefing.sections.iter().map(|s| s.blocks.len()).sum::<usize>();
    h.state_mut().state.apply(briefing_builder::app::Command::SelectIncident(Some(0)));
    h.run();
    h.get_by_label("Add selected incident").click();
    h.run();
    let after = h.state().state.briefing.sections.iter().map(|s| s.blocks.len()).sum::<usize>();
    assert_eq!(after, before + 1, "the selected incident is added to the briefing");
    h.get_by_label("Clear selection").click();
    h.run();
    assert_eq!(h.state().state.selected_incident, None);
}

#[test]
fn map_shows_markers_and_a_click_selects_an_incident() {
    use briefing_builder::analysis::geo::incident_points;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Map").click();
    h.run();
    assert_eq!(h.state().state.prefs.tab, Tab::Map);
    h.get_by_label("Incident map");
    h.check_accessibility();
    let mapped: Vec<usize> = {
        let c = &h.state().state.corpus;
        incident_points(&c.incidents, &c.events).iter().map(|p| p.incident).collect()
    };
    assert!(!mapped.is_empty(), "the seeds' incidents have gazetteer coordinates");
    // Every mapped incident is drawn, alone or in a numbered cluster.
    let singles = h.query_all_by_label_contains(" — ").count();
    let clustered: usize = h
        .query_all_by_label_contains("Cluster of ")
        .map(|n| {
            let l = n.accesskit_node().label().unwrap_or_default().to_string();
            l.split_whitespace().nth(2).unwrap().parse::<usize>().unwrap()
        })
        .sum();
    assert_eq!(singles + clustered, mapped.len(), "each mapped incident appears once");
    // Clicking a marker (or cluster) selects one of the mapped incidents and lists its sources.
    let marker = h
        .query_all_by_label_contains(" — ")
        .chain(h.query_all_by_label_contains("Cluster of "))
        .next()
        .unwrap();
    marker.click();
    h.run();
    let sel = h.state().state.selected_incident.expect("a marker click selects an incident");
    assert!(mapped.contains(&sel));
    assert!(h.query_all_by_label_contains("Source: ").count() >= 1);
    // A place filter that matches nothing hides every marker.
    h.get_by_label("Filter by place").focus();
    h.get_by_label("Filter by place").type_text("Atlantis");
    h.run();
    h.get_by_label("Clear selection").click();
    h.run();
    assert_eq!(h.query_all_by_label_contains("Cluster of ").count(), 0);
    assert_eq!(h.query_all_by_label_contains(" — ").count(), 0);
}

#[test]
fn the_selected_incident_follows_its_events_when_a_source_is_removed() {
    use briefing_builder::app::Command;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let (i, removed, kept_summary_event) = {
        let c = &h.state().state.corpus;
        let i = (0..c.incidents.len()).max_by_key(|&i| c.incidents[i].sources.len()).unwrap();
        let inc = &c.incidents[i];
        assert!(inc.sources.len() >= 2);
        // Remove one of its sources; another source's event keeps the incident alive.
        let removed = c.docs.iter().position(|d| d.id == inc.sources[0]).unwrap();
        let kept = inc.events.iter().map(|&e| c.events[e].clone()).find(|e| e.doc != inc.sources[0]).unwrap();
        (i, removed, kept)
    };
    h.state_mut().state.apply(Command::SelectIncident(Some(i)));
    h.state_mut().state.apply(Command::RemoveDocument(removed));
    h.run();
    let st = &h.state().state;
    let sel = st.selected_incident.expect("the incident is still selected");
    let evs: Vec<_> = st.corpus.incidents[sel].events.iter().map(|&e| &st.corpus.events[e]).collect();
    assert!(evs.iter().any(|e| e.doc == kept_summary_event.doc && e.span == kept_summary_event.span));
}

#[test]
fn map_date_range_hides_incidents_outside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Map").click();
    h.run();
    let count = |h: &Harness<'_, BriefingApp>| {
        h.query_all_by_label_contains(" — ").count()
            + h.query_all_by_label_contains("Cluster of ")
                .map(|n| {
                    let l = n.accesskit_node().label().unwrap_or_default().to_string();
                    l.split_whitespace().nth(2).unwrap().parse::<usize>().unwrap()
                })
                .sum::<usize>()
    };
    let all = count(&h);
    assert!(all > 0);
    // A range far in the past keeps nothing; a wide range keeps every dated incident.
    h.get_by_label("Filter from date").focus();
    h.get_by_label("Filter from date").type_text("1900");
    h.get_by_label("Filter to date").focus();
    h.get_by_label("Filter to date").type_text("1901");
    h.run();
    assert_eq!(count(&h), 0, "nothing happened in 1900–1901");
    h.get_by_label("Filter to date").focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Filter to date").type_text("2100");
    h.run();
    let dated = {
        let c = &h.state().state.corpus;
        briefing_builder::analysis::geo::incident_points(&c.incidents, &c.events)
            .iter()
            .filter(|p| c.incidents[p.incident].day_range().is_some())
            .count()
    };
    assert_eq!(count(&h), dated, "a wide range keeps the dated incidents only");
    assert!(dated <= all);
}

/// Markers drawn on the Map: single markers count one, clusters their size.
fn map_count(h: &Harness<'_, BriefingApp>) -> usize {
    h.query_all_by_label_contains(" — ").count()
        + h.query_all_by_label_contains("Cluster of ")
            .map(|n| {
                let l = n.accesskit_node().label().unwrap_or_default().to_string();
                l.split_whitespace().nth(2).unwrap().parse::<usize>().unwrap()
            })
            .sum::<usize>()
}

/// Timeline markers: their labels are "date — summary (…)"; the chart itself is excluded.
fn timeline_count(h: &Harness<'_, BriefingApp>) -> usize {
    h.query_all_by_label_contains(" — ").count()
}

#[test]
fn timeline_and_map_share_the_search_filters_type_actor_speaker_and_outlet() {
    use briefing_builder::analysis::geo::incident_points;
    use briefing_builder::analysis::search::SearchFilters;
    use briefing_builder::analysis::timeline::timeline_items_where;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Timeline").click();
    h.run();
    let corpus = h.state().state.corpus.clone();
    let dated = |f: &SearchFilters| {
        let m = f.incident_mask(&corpus);
        timeline_items_where(&corpus.incidents, 3, |i| m[i]).len()
    };
    let mapped = |f: &SearchFilters| {
        let m = f.incident_mask(&corpus);
        incident_points(&corpus.incidents, &corpus.events).iter().filter(|p| m[p.incident]).count()
    };
    let all = timeline_count(&h);
    assert_eq!(all, dated(&SearchFilters::default()));
    assert!(all >= 3, "the seeds give several dated incidents");

    // Type, from the combo box.
    h.get_by_label("Filter by type").click();
    h.run();
    h.get_by_label("Explosions/Remote violence").click();
    h.run();
    let by_type =
        SearchFilters { event_type: Some("Explosions/Remote violence".into()), ..Default::default() };
    assert_eq!(timeline_count(&h), dated(&by_type));
    assert!(timeline_count(&h) < all, "the type filter hides other types");

    // The same filters apply on the Map.
    h.get_by_label("Map").click();
    h.run();
    assert_eq!(map_count(&h), mapped(&by_type));

    // Actor, added on the Map, narrows both views.
    h.get_by_label("Filter by actor").focus();
    h.get_by_label("Filter by actor").type_text("Air Force");
    h.run();
    let by_actor = SearchFilters { actor: Some("Air Force".into()), ..by_type.clone() };
    assert_eq!(map_count(&h), mapped(&by_actor));
    h.get_by_label("Timeline").click();
    h.run();
    assert_eq!(timeline_count(&h), dated(&by_actor));

    // Clear, then a speaker quoted in some source and an outlet.
    h.get_by_label("Clear shared filters").click();
    h.run();
    assert_eq!(timeline_count(&h), all);
    let speaker = corpus.quotes[0].speaker.clone();
    h.get_by_label("Filter by speaker").focus();
    h.get_by_label("Filter by speaker").type_text(&speaker);
    h.run();
    let by_speaker = SearchFilters { speaker: Some(speaker.clone()), ..Default::default() };
    assert_eq!(timeline_count(&h), dated(&by_speaker));
    h.get_by_label("Clear shared filters").click();
    h.run();
    let outlet = corpus.docs.iter().find_map(|d| d.meta.outlet.clone()).expect("a seed has an outlet");
    h.get_by_label("Filter by outlet").focus();
    h.get_by_label("Filter by outlet").type_text(&outlet);
    h.run();
    let by_outlet = SearchFilters { outlet: Some(outlet.clone()), ..Default::default() };
    assert_eq!(timeline_count(&h), dated(&by_outlet));
    assert!(dated(&by_outlet) < all, "one outlet does not report everything");
    h.check_accessibility();
}

#[test]
fn a_cluster_at_one_place_lists_its_incidents_and_each_can_be_selected() {
    use briefing_builder::analysis::geo::incident_points;
    use briefing_builder::analysis::search::SearchFilters;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Map").click();
    h.run();
    // The seeds report two bombings in one city: filter to it so they form one stack.
    let corpus = h.state().state.corpus.clone();
    let points = incident_points(&corpus.incidents, &corpus.events);
    let (lon, lat, place) = points
        .iter()
        .find_map(|p| {
            let same = points.iter().filter(|q| (q.lon, q.lat) == (p.lon, p.lat)).count();
            (same >= 2).then(|| (p.lon, p.lat, p.place.clone()))
        })
        .expect("two seed incidents at one place");
    let mask = SearchFilters { place: Some(place.clone()), ..Default::default() }.incident_mask(&corpus);
    let stacked: Vec<usize> = points
        .iter()
        .filter(|p| mask[p.incident] && (p.lon, p.lat) == (lon, lat))
        .map(|p| p.incident)
        .collect();
    assert!(stacked.len() >= 2);
    h.get_by_label("Filter by place").focus();
    h.get_by_label("Filter by place").type_text(&place);
    h.run();
    let cluster = h.get_by_label_contains("one place: click to list them");
    let label = cluster.accesskit_node().label().unwrap_or_default().to_string();
    assert!(label.starts_with(&format!("Cluster of {} incidents at {place}", stacked.len())), "{label}");
    cluster.click();
    h.run();
    // The list shows every incident of the stack; clicking one selects it, the list stays.
    let entries: Vec<String> = h
        .query_all_by_label_contains("Select incident ")
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .collect();
    assert_eq!(entries.len(), stacked.len(), "{entries:?}");
    for (k, entry) in entries.iter().enumerate() {
        h.get_by_label(entry).click();
        h.run();
        let sel = h.state().state.selected_incident.expect("an entry selects its incident");
        assert!(stacked.contains(&sel));
        assert!(h.query_all_by_label_contains("Source: ").count() >= 1, "its sources are shown");
        if k == 0 {
            assert_eq!(h.query_all_by_label_contains("Select incident ").count(), stacked.len());
        }
    }
    let picked: std::collections::BTreeSet<usize> = {
        // Select each in turn again and collect: every stacked incident is reachable.
        let mut s = std::collections::BTreeSet::new();
        for entry in &entries {
            h.get_by_label(entry).click();
            h.run();
            s.insert(h.state().state.selected_incident.unwrap());
        }
        s
    };
    assert_eq!(picked.len(), stacked.len(), "each incident can be selected");
    h.get_by_label("Close incident list").click();
    h.run();
    assert_eq!(h.query_all_by_label_contains("Select incident ").count(), 0);
}

#[test]
fn search_uses_the_same_filters_and_they_carry_over_to_the_timeline() {
    use briefing_builder::analysis::search::{Kind, SearchFilters};
    use briefing_builder::analysis::timeline::timeline_items_where;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    assert!(h.state_mut().state.wait_for_jobs(std::time::Duration::from_secs(60)), "index built");
    h.run();
    h.get_by_label("Search").click();
    h.run();
    // A speaker filter with no words lists that speaker's quotes.
    let corpus = h.state().state.corpus.clone();
    let speaker = corpus.quotes[0].speaker.clone();
    h.get_by_label("Filter by speaker").focus();
    h.get_by_label("Filter by speaker").type_text(&speaker);
    h.run();
    let hits = h.state().state.search_hits.clone();
    let expected =
        corpus.quotes.iter().filter(|q| q.speaker.to_lowercase().contains(&speaker.to_lowercase())).count();
    assert_eq!(hits.len(), expected, "every quote by {speaker}, nothing else");
    assert!(hits.iter().all(|h| h.kind == Kind::Quote));
    // A query narrows within the filter.
    h.get_by_label("Search query").focus();
    h.get_by_label("Search query").type_text("nonexistentword");
    h.run();
    assert!(h.state().state.search_hits.is_empty());
    // The Timeline shows the incidents with a quote by the speaker in a source.
    h.get_by_label("Timeline").click();
    h.run();
    let f = SearchFilters { speaker: Some(speaker.clone()), ..Default::default() };
    let m = f.incident_mask(&corpus);
    let dated = timeline_items_where(&corpus.incidents, 3, |i| m[i]).len();
    assert_eq!(h.query_all_by_label_contains(" — ").count(), dated);
    assert_eq!(h.state().state.filters, f, "one filter set for all three views");
}

#[test]
fn a_long_stack_scrolls_and_lays_out_only_visible_rows() {
    use briefing_builder::analysis::geo::incident_points;
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = Corpus::build(briefing_builder::corpus::embedded_seeds());
    // Forty incidents at one place: copies of a mapped seed incident, each its own record.
    let points = incident_points(&corpus.incidents, &corpus.events);
    let base = corpus.incidents[points[0].incident].clone();
    let place = points[0].place.clone();
    for k in 0..40 {
        let mut c = base.clone();
        c.date = Some(format!("2001-{:02}-{:02}", 1 + k % 12, 1 + k % 28));
        corpus.incidents.push(c);
    }
    let state = AppState::new(corpus, AppConfig::headless(Some(dir.path().to_path_buf())));
    let mut h = HarnessBuilder::default()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut BriefingApp| app.show(ui), BriefingApp::with_state(state));
    h.run();
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Filter by place").focus();
    h.get_by_label("Filter by place").type_text(&place);
    h.run();
    h.get_by_label_contains("one place: click to list them").click();
    h.run();
    let rows = h.query_all_by_label_contains("Select incident ").count();
    assert!((5..40).contains(&rows), "only the visible rows are laid out ({rows})");
    // Oldest first: the first row is the earliest copy.
    let first = h.query_all_by_label_contains("Select incident ").next().unwrap();
    let label = first.accesskit_node().label().unwrap_or_default().to_string();
    assert!(label.starts_with("Select incident 1 Jan 2001"), "{label}");
    first.click();
    h.run();
    let sel = h.state().state.selected_incident.unwrap();
    assert_eq!(h.state().state.corpus.incidents[sel].date.as_deref(), Some("2001-01-01"));
}

#[test]
fn legend_entries_filter_by_type_and_toggle_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Map").click();
    h.run();
    let all = map_count(&h);
    h.get_by_label("Show only Battles").click();
    h.run();
    assert_eq!(h.state().state.filters.event_type.as_deref(), Some("Battles"));
    assert!(map_count(&h) < all, "other types are hidden");
    // The Timeline's legend shows the same state; clicking it again shows every type.
    h.get_by_label("Timeline").click();
    h.run();
    h.get_by_label("Show all types (now Battles)").click();
    h.run();
    assert_eq!(h.state().state.filters.event_type, None);
    h.get_by_label("Map").click();
    h.run();
    assert_eq!(map_count(&h), all);
}
