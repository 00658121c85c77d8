"""Tests of the operations layer: paths, config, staff PIN, logging, staff CLI tasks."""
