"""Object storage behind one interface: a filesystem store for `serve`, S3 for deployments."""

from app.services.storage.base import ListedObject, ObjectInfo, Storage, UploadTarget

__all__ = ["ListedObject", "ObjectInfo", "Storage", "UploadTarget"]
