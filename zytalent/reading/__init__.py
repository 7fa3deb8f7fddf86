"""Reading spreadsheets as offices lay them out, into frames that keep their provenance."""
