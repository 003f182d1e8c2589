"""What every Tiến Độ process needs, and nothing domain-specific."""
