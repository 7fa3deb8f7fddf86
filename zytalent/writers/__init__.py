"""Writers: exports, the Word and HTML report documents, charts, annotated returns,
templates, the generated contract, and atomic file output."""
