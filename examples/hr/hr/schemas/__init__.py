"""Request and response models (Pydantic); `envelope` holds the shapes every response shares."""
