"""A minimal plugin package for testing the runtime apart from Okta."""
