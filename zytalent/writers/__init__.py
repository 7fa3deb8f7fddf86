"""Writers: the export formats (formats/, one module each, with the rows they share in
exports.py), the Word and HTML report documents, charts, annotated returns, templates,
the generated contract, and atomic file output."""
