"""Cổng API: danh bạ đơn vị, người dùng, vai trò, xác thực, định tuyến tới các dịch vụ, phục vụ giao diện."""
