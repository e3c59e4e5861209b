"""Plain-Python domain: grades, people, the contact map and the method's rules."""
