"""Date and number formats per language (FORMAT_MODULE_PATH), where Django's differ from ours."""
