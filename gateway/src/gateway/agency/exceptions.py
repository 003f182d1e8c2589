from common.errors import Conflict, InvalidInput, NotFound


class AgencyNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Không tìm thấy đơn vị.")


class AgencyCodeTaken(Conflict):
    def __init__(self, code: str) -> None:
        super().__init__(f"Mã đơn vị {code} đã tồn tại.")


class InvalidAgencyMerge(InvalidInput):
    pass
