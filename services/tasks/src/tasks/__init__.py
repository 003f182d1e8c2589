"""Dịch vụ Nhiệm vụ — Kế hoạch, nhiệm vụ, tiến độ, gia hạn, phân cấp nhiệm vụ."""
