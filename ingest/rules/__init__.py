"""The numeric rules of a regulation, read at ingest: quorums, vote thresholds, lead times,
money and area thresholds, each with its body and verbatim sentence."""
