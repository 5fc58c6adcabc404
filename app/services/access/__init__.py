"""Who acts and what each role may do; the audit log of what they did."""
