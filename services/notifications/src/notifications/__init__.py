"""Dịch vụ Thông báo — Nhắc hạn, cảnh báo, hộp thư, thư điện tử, webhook."""
