"""The window's services: idle watch, input hub, answer pause, speech, delivery, guard."""
