"""Site search: the live pages a member may open, in their language, with marked excerpts."""
