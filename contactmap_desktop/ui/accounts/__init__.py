"""Accounts and people: the accounts panel and the account and person dialogs."""
