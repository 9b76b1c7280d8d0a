"""The measurements of `make bench`, `make bench-search` and `make loadtest`."""
