"""Servicedisk: the front-desk application of a Swedish statligt servicekontor."""

__version__ = "0.1.0"
