//! The five seed articles, embedded in the binary.

use super::{Document, load_bytes};

/// `(file name, bytes)` of every embedded seed article.
pub const SEED_FILES: &[(&str, &[u8])] = &[
    ("000_d0c5452fce3247eb.txt", include_bytes!("../../seeds/000_d0c5452fce3247eb.txt")),
    ("001_021e16556ae51835.txt", include_bytes!("../../seeds/001_021e16556ae51835.txt")),
    ("002_8222be4304a1f261.txt", include_bytes!("../../seeds/002_8222be4304a1f261.txt")),
    ("003_cfa38eb4cf67787a.txt", include_bytes!("../../seeds/003_cfa38eb4cf67787a.txt")),
    ("004_9e728c35c3e5d0b1.txt", include_bytes!("../../seeds/004_9e728c35c3e5d0b1.txt")),
];

/// Load the embedded seed articles. Seeds that fail to load are skipped (they are
/// checked by the test suite, so in practice all five load).
pub fn embedded_seeds() -> Vec<Document> {
    SEED_FILES.iter().filter_map(|(name, bytes)| load_bytes(name, bytes).ok()).collect()
}
