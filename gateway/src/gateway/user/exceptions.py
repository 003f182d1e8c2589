from common.errors import Conflict, NotFound


class UserNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Không tìm thấy người dùng.")


class UsernameTaken(Conflict):
    def __init__(self, username: str) -> None:
        super().__init__(f"Tên đăng nhập {username} đã được dùng.")
