"""Screens of the casefile app."""
