"""Static files go out compressed (Brotli and gzip), hashed and cached for a year."""

from whitenoise.compress import Compressor


def test_static_files_are_precompressed_with_brotli_and_gzip(tmp_path):
    stylesheet = tmp_path / "site.css"
    stylesheet.write_text("body { margin: 0; color: #222; }\n" * 200)
    written = set(Compressor(quiet=True).compress(str(stylesheet)))
    assert written == {f"{stylesheet}.br", f"{stylesheet}.gz"}
    assert (tmp_path / "site.css.br").stat().st_size < stylesheet.stat().st_size / 10


def test_production_storage_hashes_names(settings):
    # Hashed names are what lets WhiteNoise send `Cache-Control: max-age=315360000, immutable`.
    from cstonews import settings as project_settings

    backend = project_settings.STORAGES["staticfiles"]["BACKEND"]
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"
