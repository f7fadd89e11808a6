"""The web pages: static HTML, CSS and scripts (vendor/ is built from web/ by `make web-assets`)."""
