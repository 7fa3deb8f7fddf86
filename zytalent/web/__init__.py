"""`zytalent serve`: the collection round in a browser, on the same library as the CLI."""
