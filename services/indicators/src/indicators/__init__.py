"""Dịch vụ Chỉ tiêu — Chỉ tiêu, giá trị theo kỳ, thẩm định, mức độ đạt."""
