"""Staff access: the hidden gesture, the PIN pad and the staff panel."""
