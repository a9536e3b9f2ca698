"""The keurmerk certificate: NOV-signed, read by the organisation, checked by ``verify``."""
