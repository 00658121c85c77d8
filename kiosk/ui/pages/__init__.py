"""The screens a patient meets, one module per kind of page, built from the session."""
