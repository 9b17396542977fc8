"""SRP client for the moto conformance run, used only where the pycognito package is absent.

It offers the part of pycognito's interface that moto's Cognito tests call
(`pycognito.aws_srp.AWSSRP`, `long_to_hex`), computed as Cognito's SRP clients do
(RFC 5054 3072-bit group, g = 2, HKDF "Caldera Derived Key").
"""

from . import aws_srp  # noqa: F401
