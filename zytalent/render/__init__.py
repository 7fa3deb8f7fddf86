"""The render layer: the only code that prints, and the only code that imports rich."""
