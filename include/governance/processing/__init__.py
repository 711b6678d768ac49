"""The record of processing (GDPR art. 30), generated from the policy and the register."""
