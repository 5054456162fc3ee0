"""`make demo`: an incident-response story run through the plugin against the local Okta."""
