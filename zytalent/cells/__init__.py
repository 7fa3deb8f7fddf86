"""Cell values: parsing each kind of cell, identifiers and their check characters,
masking personal data, exact money."""
