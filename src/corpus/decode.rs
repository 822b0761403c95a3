//! Byte decoding: UTF-8 (with or without BOM), UTF-16 / UTF-32 with BOM (UTF-16 also without,
//! when its shape is unmistakable), legacy 8-bit encodings (Windows-1252 and friends, detected
//! with `chardetng`, converted with `encoding_rs`).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::LoadError;

/// The result of decoding a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (BOM removed).
    pub text: String,
    /// Name of the encoding used ("UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: String,
    /// A note for the user when the decoding was not plain UTF-8 or lost something.
    pub note: Option<String>,
}

/// Decode a file's bytes to text, with a note on how it was decoded.
/// Refuses binary content (NUL bytes outside UTF-16, or many control bytes).
pub fn decode_full(file_name: &str, bytes: &[u8]) -> Result<Decoded, LoadError> {
    let binary = || LoadError::Binary { path: file_name.to_string() };
    // Byte-order marks. UTF-32 first: its LE mark starts with the UTF-16 LE one.
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return utf32(rest, true).ok_or_else(binary);
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return utf32(rest, false).ok_or_else(binary);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_or_lossy(rest).ok_or_else(binary);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, UTF_16LE, "UTF-16LE").ok_or_else(binary);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, UTF_16BE, "UTF-16BE").ok_or_else(binary);
    }
    if bytes.contains(&0) {
        // UTF-16 without a BOM: NULs in (nearly) every other byte, text in the rest.
        if let Some(enc) = bomless_utf16(bytes) {
            let name = if enc == UTF_16LE { "UTF-16LE" } else { "UTF-16BE" };
            if let Some(mut d) = utf16(bytes, enc, name) {
                d.note = Some(format!("decoded as {name} (no byte-order mark)"));
                return Ok(d);
            }
        }
        return Err(binary());
    }
    if looks_binary(bytes) {
        return Err(binary());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_string(), encoding: "UTF-8".into(), note: None });
    }
    // Invalid UTF-8: mostly-UTF-8 with a few bad bytes (a damaged or truncated file) is read as
    // UTF-8; otherwise it is a legacy 8-bit encoding, detected by chardetng.
    if let Err(e) = std::str::from_utf8(bytes)
        && e.error_len().is_none()
    {
        // Valid up to an incomplete character at the very end: a truncated UTF-8 file.
        return utf8_or_lossy(bytes).ok_or_else(binary);
    }
    let (valid_multibyte, invalid) = utf8_stats(bytes);
    if valid_multibyte > 0 && valid_multibyte >= invalid {
        return utf8_or_lossy(bytes).ok_or_else(binary);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    if enc == encoding_rs::UTF_8 {
        return utf8_or_lossy(bytes).ok_or_else(binary);
    }
    let (text, _, had_errors) = enc.decode(bytes);
    let mut note = format!("not valid UTF-8; decoded as {}", enc.name());
    if had_errors {
        note.push_str(" (some bytes could not be decoded and were replaced with �)");
    }
    Ok(Decoded { text: text.into_owned(), encoding: enc.name().to_string(), note: Some(note) })
}

fn utf8_or_lossy(bytes: &[u8]) -> Option<Decoded> {
    if bytes.contains(&0) || looks_binary(bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Some(Decoded { text: t.to_string(), encoding: "UTF-8".into(), note: None }),
        Err(e) => {
            let (_, invalid) = utf8_stats(bytes);
            let note = if e.error_len().is_none() && invalid <= 1 {
                "the file ends in the middle of a UTF-8 character (truncated?); it was replaced with �"
                    .to_string()
            } else {
                format!("{invalid} invalid UTF-8 byte sequence(s) replaced with �")
            };
            Some(Decoded {
                text: String::from_utf8_lossy(bytes).into_owned(),
                encoding: "UTF-8".into(),
                note: Some(note),
            })
        }
    }
}

fn utf16(bytes: &[u8], enc: &'static Encoding, name: &str) -> Option<Decoded> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if text.contains('\0') || looks_binary(text.as_bytes()) {
        return None;
    }
    let note = had_errors.then(|| "some UTF-16 code units were invalid and replaced with �".to_string());
    Some(Decoded { text: text.into_owned(), encoding: name.to_string(), note })
}

fn utf32(bytes: &[u8], little: bool) -> Option<Decoded> {
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut bad = 0usize;
    for c in bytes.chunks(4) {
        let arr: [u8; 4] = match c.try_into() {
            Ok(a) => a,
            Err(_) => {
                bad += 1;
                continue;
            }
        };
        let v = if little { u32::from_le_bytes(arr) } else { u32::from_be_bytes(arr) };
        match char::from_u32(v) {
            Some('\0') => return None,
            Some(ch) => text.push(ch),
            None => {
                bad += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    if looks_binary(text.as_bytes()) {
        return None;
    }
    let name = if little { "UTF-32LE" } else { "UTF-32BE" };
    let note = (bad > 0).then(|| format!("{bad} invalid UTF-32 code unit(s) replaced with �"));
    Some(Decoded { text, encoding: name.to_string(), note })
}

/// UTF-16 without BOM: at least 90% of the bytes at odd (LE) or even (BE) positions are NUL,
/// and few bytes in the other positions are.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut even0, mut odd0) = (0usize, 0usize);
    for p in bytes.chunks_exact(2) {
        even0 += usize::from(p[0] == 0);
        odd0 += usize::from(p[1] == 0);
    }
    if odd0 * 10 >= pairs * 9 && even0 * 20 <= pairs {
        Some(UTF_16LE)
    } else if even0 * 10 >= pairs * 9 && odd0 * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Byte `b` is a control byte that text files do not contain (C0 controls other than tab,
/// line feed, form feed, carriage return and escape; DEL). Written with comparisons only (no
/// table, no short-circuit) so that counting them over a buffer is vectorised.
fn is_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) & (b != 0x1B) | (b == 0x7F)
}

/// Many C0 control bytes (other than tab, line feed, form feed, carriage return, escape):
/// not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    // Counted in blocks of at most 255 bytes into a byte-sized sum (it cannot overflow), which
    // the compiler turns into SIMD comparisons and additions.
    let controls: usize = sample
        .chunks(255)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(is_control(b))))))
        .sum();
    controls > 8 && controls * 100 > sample.len()
}

/// `(valid multi-byte UTF-8 sequences, invalid sequences)` in `bytes`.
fn utf8_stats(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.bytes().filter(|b| b & 0xC0 == 0xC0).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                valid += good.iter().filter(|b| *b & 0xC0 == 0xC0).count();
                invalid += 1;
                match e.error_len() {
                    Some(n) => rest = &after[n..],
                    None => break,
                }
            }
        }
    }
    (valid, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_c0_but_tab_newlines_form_feed_escape_and_del() {
        for b in 0..=255u8 {
            let expected = (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F;
            assert_eq!(is_control(b), expected, "{b:#04x}");
        }
        // Counted across the 255-byte blocks: 1 % of a long text is the threshold.
        let mut text = vec![b'a'; 2_000];
        assert!(!looks_binary(&text));
        for i in (0..2_000).step_by(50) {
            text[i] = 0x01;
        }
        assert!(looks_binary(&text));
        text.truncate(1_000);
        text.extend(std::iter::repeat_n(b'a', 9_000));
        assert!(!looks_binary(&text), "20 control bytes in 10 000 are not binary");
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode_full("a.txt", "Kabul’s reply".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.note), ("Kabul’s reply", "UTF-8", None));
        let d = decode_full("a.txt", b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
    }

    #[test]
    fn utf16_and_utf32_with_bom() {
        let s = "Peshawar – “talks”";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode_full("a.txt", &le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (s, "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        let d = decode_full("a.txt", &be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (s, "UTF-16BE"));
        let mut l32 = vec![0xFF, 0xFE, 0, 0];
        l32.extend(s.chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert_eq!(decode_full("a.txt", &l32).unwrap().text, s);
        // Without BOM, plain-ASCII UTF-16LE is recognised by its NUL pattern.
        let bare: Vec<u8> = "Plain text here".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode_full("a.txt", &bare).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("Plain text here", "UTF-16LE"));
    }

    #[test]
    fn windows_1252_is_detected() {
        // “Quoted” café – 1252 bytes for curly quotes, é and en dash.
        let bytes = b"The minister said \x93we will act\x94 at the caf\xe9 \x96 twice.";
        let d = decode_full("a.txt", bytes).unwrap();
        assert_eq!(d.text, "The minister said “we will act” at the café – twice.");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.note.unwrap_or_default().contains("windows-1252"));
    }

    #[test]
    fn damaged_utf8_is_decoded_with_a_note() {
        let mut bytes = "Kabul’s “reply” – délai ".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("and more text".as_bytes());
        let d = decode_full("a.txt", &bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("Kabul’s") && d.text.contains('\u{FFFD}'));
        assert!(d.note.is_some());
        // Truncated in the middle of a character.
        let t = "Kabul’s".as_bytes();
        let d = decode_full("a.txt", &t[..t.len() - 3]).unwrap();
        assert!(d.note.unwrap_or_default().contains("truncated"));
    }

    #[test]
    fn binary_is_refused() {
        let e = decode_full("pic.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(e.to_string().contains("pic.txt"));
        assert!(matches!(e, LoadError::Binary { .. }));
        let controls: Vec<u8> = (0..200u8).map(|i| i % 8 + 1).collect();
        assert!(matches!(decode_full("c.txt", &controls), Err(LoadError::Binary { .. })));
    }
}
