"""parse_target on every indicator sentence of 002's Phụ lục I, plus the forms of 001, 003 and 004.

Where the parser cannot read a sentence right, the expected result is QUALITATIVE or marked for review —
never a wrong number; the sentences it hands to a person are listed in `FLAGGED_FOR_REVIEW`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

import pytest
from indicators.importer.sentence import (
    QUALITATIVE_REASON,
    SplitShare,
    TargetSpec,
    parse_number,
    parse_split,
    parse_target,
)
from indicators.vocabulary import Comparator, Unit

PCT = Unit.PERCENT
GRDP = Unit.PERCENT_GRDP
BUDGET = Unit.PERCENT_BUDGET
INDEX = Unit.INDEX
PER_10K = Unit.PER_10K
COUNT = Unit.COUNT
VISITORS = Unit.VISITORS
BILLION = Unit.BILLION_VND
GBPS = Unit.GBPS
RANK = Unit.RANK


class Expected(NamedTuple):
    comparator: Comparator
    value: Decimal | tuple[Decimal, Decimal] | None  # (low, high) for a range
    unit: Unit | None
    review: bool


def gte(value: int | str, unit: Unit | None, *, review: bool = False) -> Expected:
    return Expected(Comparator.GTE, Decimal(value), unit, review)


def lte(value: int | str, unit: Unit | None, *, review: bool = False) -> Expected:
    return Expected(Comparator.LTE, Decimal(value), unit, review)


def rng(low: int | str, high: int | str, unit: Unit, *, review: bool = False) -> Expected:
    return Expected(Comparator.RANGE, (Decimal(low), Decimal(high)), unit, review)


QUAL = Expected(Comparator.QUALITATIVE, None, None, False)


def row(key: str, sentence: str, expected: Expected) -> Any:
    return pytest.param(sentence, expected, id=key)


def observed(spec: TargetSpec) -> Expected:
    if spec.comparator is Comparator.RANGE:
        assert spec.low is not None and spec.high is not None
        return Expected(spec.comparator, (spec.low, spec.high), spec.unit, spec.needs_review)
    return Expected(spec.comparator, spec.value, spec.unit, spec.needs_review)


# Key: part (I trọng tâm, II chủ yếu) - milestone year - TT. Sentences verbatim, PDF line breaks joined.
PHU_LUC_I_002 = [
    row(
        "I-2025-1.1",
        "100% thủ tục hành chính được thực hiện trên môi trường điện tử, không phụ thuộc vào địa giới "
        "hành chính trong phạm vi cấp tỉnh.",
        gte(100, PCT),
    ),
    row(
        "I-2025-1.2",
        "≥ 90% thủ tục hành chính có đủ điều kiện được cung cấp thông qua dịch vụ công trực tuyến toàn trình.",
        gte(90, PCT),
    ),
    row(
        "I-2025-1.3",
        "100% thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến, thông suốt, liền "
        "mạch, hiệu quả, bảo đảm minh bạch, giảm tối đa giấy tờ.",
        gte(100, PCT),
    ),
    row(
        "I-2025-1.4",
        "100% Trung tâm Phục vụ hành chính công các cấp triển khai AI hỗ trợ giải quyết dịch vụ công trực tuyến.",
        gte(100, PCT),
    ),
    row(
        "I-2025-2.1",
        "100% Cơ sở giáo dục tuyển sinh đầu cấp bằng hình thức trực tuyến từ năm học 2026-2027.",
        gte(100, PCT),
    ),
    row(
        "I-2025-2.2",
        "100% Cơ sở giáo dục có trang thông tin điện tử phục vụ cung cấp thông tin và chỉ đạo điều hành.",
        gte(100, PCT),
    ),
    row(
        "I-2025-2.3",
        "Tối thiểu 50% cơ sở giáo dục quản lý, phê duyệt hồ sơ (hồ sơ đơn vị, hồ sơ giảng dạy, hồ sơ "
        "giáo viên,…)  trên môi trường số.",
        gte(50, PCT),
    ),
    row(
        "I-2025-2.4",
        "≥ 50% cơ sở giáo dục phổ thông ứng dụng AI trong quản lý, dạy và học.",
        gte(50, PCT),
    ),
    row(
        "I-2025-2.5",
        "Có ≥ 70% cơ sở giáo dục, đào tạo các cấp học thực hiện quản trị số toàn diện trên nền tảng "
        "thống nhất, kết nối, chia sẻ dữ liệu liên thông từ Bộ Giáo dục và Đào tạo đến địa phương và "
        "từng cơ sở giáo dục.",
        gte(70, PCT),
    ),
    row(
        "I-2025-2.6",
        "Có ≥ 80% học sinh, sinh viên có mã định danh số học tập, được quản lý xuyên suốt quá trình học "
        "tập, đào tạo và nghiên cứu.",
        gte(80, PCT),
    ),
    row(
        "I-2025-2.7",
        "Có ≥ 80% cơ sở giáo dục các cấp học triển khai hệ thống quản lý hồ sơ điện tử (học bạ điện tử, "
        "sổ điểm điện tử, kết quả học tập, rèn luyện).",
        gte(80, PCT),
    ),
    row(
        "I-2025-2.8",
        "Có ≥  30% cơ sở giáo dục sử dụng nền tảng dạy và học trực tuyến, kết hợp với lớp học truyền thống.",
        gte(30, PCT),
    ),
    row(
        "I-2025-2.9",
        "100% trường học thực hiện thanh toán không dùng tiền mặt.",
        gte(100, PCT),
    ),
    row(
        "I-2025-3.1",
        "Có 100% cơ sở khám, chữa bệnh sử dụng hệ thống quản lý bệnh viện, kết nối liên thông dữ liệu "
        "với Hệ thống y tế của tỉnh và Bộ Y tế.",
        gte(100, PCT),
    ),
    row(
        "I-2025-3.2",
        "Có ≥ 80% cơ sở khám, chữa bệnh triển khai ứng dụng Bệnh án điện tử, đơn thuốc điện tử .",
        gte(80, PCT),
    ),
    row(
        "I-2025-3.3",
        "Triển khai đồng bộ dịch vụ đăng ký khám trực tuyến, đặt lịch hẹn, thanh toán viện phí không "
        "dùng tiền mặt tại 100% cơ sở khám, chữa bệnh công lập.",
        gte(100, PCT),
    ),
    row(
        "I-2025-3.4",
        "Có 100% cơ sở khám, chữa bệnh tuyến tỉnh và 70% cơ sở khám, chữa bệnh tuyến xã triển khai khám "
        "chữa bệnh từ xa.",
        gte(100, PCT, review=True),
    ),
    row(
        "I-2025-3.5",
        "Có ≥ 70% quy trình quản trị, điều hành bệnh viện được số hóa; triển khai thử nghiệm mô hình "
        "bệnh viện thông minh tại một số đơn vị.",
        gte(70, PCT),
    ),
    row(
        "I-2025-3.6",
        "Có 100% cơ sở khám, chữa bệnh thực hiện báo cáo, thống kê trên hệ thống số hóa tập trung, kết "
        "nối cơ sở dữ liệu dân cư quốc gia để đồng bộ thông tin bệnh nhân trên Sổ sức khoẻ điện tử của "
        "nền tảng VneID.",
        gte(100, PCT),
    ),
    row(
        "I-2025-4.1",
        "60% các tuyến giao thông chính trong đô thị và trục kết nối liên vùng được gắn cảm biến, camera "
        "giám sát và tích hợp dữ liệu lên nền tảng quản lý giao thông thông minh của tỉnh.",
        gte(60, PCT),
    ),
    row(
        "I-2025-5.1",
        "Tối thiểu 80% các sản phẩm OCOP (được chứng nhận mới) ứng dụng hệ thống truy xuất nguồn gốc "
        "điện tử, có nhật ký theo dõi quy trình sản xuất theo thời gian thực",
        gte(80, PCT),
    ),
    row(
        "I-2025-5.2",
        "Triển khai tối thiểu 02 mô hình sản xuất nông nghiệp ứng dụng chuyển đổi số trong sản xuất nông nghiệp",
        gte(2, COUNT),
    ),
    row(
        "I-2030-1.1",
        "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện đạt 100%",
        gte(100, PCT),
    ),
    row(
        "I-2030-1.2",
        "100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
        gte(100, PCT),
    ),
    row(
        "I-2030-1.3",
        "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt 100%",
        gte(100, PCT),
    ),
    row(
        "I-2030-1.4",
        "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa trong giải quyết thủ tục hành "
        "chính, dịch vụ công ≥80%",
        gte(80, PCT),
    ),
    row(
        "I-2030-1.5",
        "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công ≥80%",
        gte(80, PCT),
    ),
    row(
        "I-2030-1.6",
        "100% văn bản, hồ sơ công việc được xử lý toàn trình trên môi trường điện tử của các cơ quan "
        "hành chính nhà nước",
        gte(100, PCT),
    ),
    row(
        "I-2030-1.7",
        "100% nhiệm vụ được theo dõi, quản lý, giám sát của các cơ quan hành chính thực hiện trên môi trường điện tử",
        gte(100, PCT),
    ),
    row(
        "I-2030-1.8",
        "100%  các cơ quan nhà nước thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử",
        gte(100, PCT),
    ),
    row(
        "I-2030-1.9",
        "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp ≥85%",
        gte(85, PCT),
    ),
    row(
        "I-2030-2.1",
        "100% cơ sở giáo dục, đào tạo các cấp học thực hiện quản trị số toàn diện trên nền tảng thống "
        "nhất, kết nối, chia sẻ dữ liệu liên thông từ Bộ Giáo dục và Đào tạo đến địa phương và từng cơ "
        "sở giáo dục.",
        gte(100, PCT),
    ),
    row(
        "I-2030-2.2",
        "100% học sinh, sinh viên có mã định danh số học tập, được quản lý xuyên suốt quá trình học tập, "
        "đào tạo và nghiên cứu.",
        gte(100, PCT),
    ),
    row(
        "I-2030-2.3",
        "100% cơ sở giáo dục triển khai nền tảng dạy - học trực tuyến, quản trị nhà trường thông minh; "
        "ứng dụng các công nghệ AI, dữ liệu lớn, phân tích học tập nhằm cá thể hóa lộ trình học tập cho "
        "từng học sinh, sinh viên.",
        gte(100, PCT),
    ),
    row(
        "I-2030-3.1",
        "100% các cơ sở y tế đảm bảo hạ tầng Công nghệ thông tin hiện đại triển khai thực hiện một Nền y "
        "tế số thông minh, không giấy tờ.",
        gte(100, PCT),
    ),
    row(
        "I-2030-3.2",
        "Triển khai hoàn thiện 100% dữ liệu chuyên ngành tại các đơn vị trực thuộc; xây dựng Kho dữ liệu "
        "dùng chung Ngành Y tế; Triển khai hệ thống trung tâm điều hành Y tế thông minh.",
        gte(100, PCT),
    ),
    row(
        "I-2030-3.3",
        "100% các cơ sở khám bệnh, chữa bệnh triển khai Y tế thông minh sử dụng IoT để kết nối các thiết "
        "bị, cảm biến và hệ thống, giúp thu thập dữ liệu thời gian thực, cải thiện chăm sóc bệnh nhân và "
        "tối ưu hóa quy trình y tế.",
        gte(100, PCT),
    ),
    row(
        "I-2030-3.4",
        "Triển khai một số giải pháp AI trong y tế thông minh để nâng cao hiệu quả chẩn đoán, điều trị, "
        "quản lý và phòng ngừa bệnh tật tại một số bệnh viện của tỉnh.",
        QUAL,
    ),
    row(
        "I-2030-3.5",
        "100% cơ sở y tế áp dụng bệnh án điện tử và đơn thuốc điện tử, chấm dứt hoàn toàn sử dụng hồ sơ giấy.",
        gte(100, PCT),
    ),
    row(
        "I-2030-3.6",
        "Hình thành và vận hành bệnh viện số với đầy đủ chức năng quản trị, khám chữa bệnh, chăm sóc "
        "bệnh nhân, thanh toán điện tử và theo dõi sức khỏe từ xa.",
        QUAL,
    ),
    row(
        "I-2030-3.7",
        "100% cơ sở khám chữa bệnh triển khai khám chữa bệnh từ xa, tăng cường khả năng tiếp cận dịch vụ "
        "y tế chất lượng cho vùng sâu, vùng xa.",
        gte(100, PCT),
    ),
    row(
        "I-2030-4.1",
        "100% các khu, điểm du lịch được công nhận trên địa bàn tỉnh được số hóa và cung cấp thông tin "
        "phục vụ du khách trên hệ thống hệ Thống cổng thông tin tra cứu dữ liệu, quảng bá văn hóa, du "
        "lịch tỉnh Phú Thọ.",
        gte(100, PCT),
    ),
    row(
        "I-2030-4.2",
        "Phát triển hệ thống dữ liệu số, cơ sở dữ liệu ngành du lịch làm nền tảng cho xây dựng mô hình "
        "du lịch thông minh, đảm bảo kết nối với các tiện ích của Đề án 06, đẩy mạnh khai thác giá trị "
        "gia tăng từ dữ liệu.",
        QUAL,
    ),
    row(
        "I-2030-4.3",
        "Tỷ lệ cơ sở du lịch sử dụng nền tảng số phục vụ quản trị, kinh doanh du lịch đạt tối thiểu 70%.",
        gte(70, PCT),
    ),
    row(
        "I-2030-4.4",
        "100% các di sản văn hóa vật thể, phi vật thể và di sản tư liệu được UNESCO ghi danh; 100% các "
        "di tích quốc gia đặc biệt được số hóa và ứng dụng trên các nền tảng số.",
        gte(100, PCT, review=True),
    ),
    row(
        "I-2030-4.5",
        "100% các bảo vật quốc gia, các di sản trong Danh mục di sản văn hóa phi vật thể quốc gia được "
        "số hóa và ứng dụng trên các nền tảng số; ưu tiên số hóa theo nhu cầu sử dụng của xã hội các di "
        "tích quốc gia và các hiện vật, nhóm hiện vật tại các bảo tàng, ban quản lý di tích.",
        gte(100, PCT),
    ),
    row(
        "I-2030-4.6",
        "≥ 80%  di sản văn hóa, lễ hội, triển lãm được số hóa và tích hợp cơ sở dữ liệu trên nền tảng hệ "
        "Thống cổng thông tin tra cứu dữ liệu, quảng bá văn hóa, du lịch tỉnh Phú Thọ và các nền tảng cơ "
        "sở dữ liệu chuyên ngành của Bộ Văn hóa, Thể thao và Du lịch.",
        gte(80, PCT),
    ),
    row(
        "I-2030-5.1",
        "100% các tuyến giao thông chính trong đô thị và trục kết nối liên vùng được gắn cảm biến, "
        "camera giám sát và tích hợp dữ liệu lên nền tảng quản lý giao thông thông minh của tỉnh.",
        gte(100, PCT),
    ),
    row(
        "I-2030-5.2",
        "Hình thành Trung tâm điều hành giao thông thông minh tích hợp với Trung tâm điều hành đô thị "
        "thông minh của tỉnh.",
        QUAL,
    ),
    row(
        "I-2030-5.3",
        "Phú Thọ trở thành địa phương tiên phong trong xây dựng hệ thống giao thông thông minh kết hợp "
        "giữa hạ tầng truyền thống và công nghệ hiện đại, tạo nền tảng cho phát triển đô thị thông minh, "
        "bền vững.",
        QUAL,
    ),
    row(
        "I-2030-6.1",
        "100% các sản phẩm OCOP (được chứng nhận mới)  ứng dụng hệ thống truy xuất nguồn gốc điện tử, có "
        "nhật ký theo dõi quy trình sản xuất theo thời gian thực",
        gte(100, PCT),
    ),
    row(
        "I-2030-6.2",
        "Đào tạo tối thiểu 1.000 học viên/ năm (là nông dân, thành viên hợp tác xã, tổ hợp tác, chủ thể "
        "sản phẩm OCOP…) về kỹ năng số cơ bản và nâng cao trong sản xuất và kinh doanh sản phẩm nông "
        "nghiệp.",
        gte(1000, COUNT),
    ),
    row(
        "I-2030-6.3",
        "Tối thiểu 80% các trạm quan trắc tự động ứng dụng hệ thống truyền nhận số liệu trực tuyến từ "
        "trạm về lưu trữ tại trung tâm; sẵn sàng chia sẻ, kết nối đến CSDL dùng chung.",
        gte(80, PCT),
    ),
    row(
        "I-2030-7.1",
        "≥ 30 sản phẩm/giải pháp công nghệ mới được ứng dụng trong thực tiễn sản xuất, dịch vụ",
        gte(30, COUNT),
    ),
    row(
        "I-2030-7.2",
        "Hình thành 5–7 mô hình công nghệ mẫu (nông trại thông minh, đô thị thông minh, bệnh viện số, "
        "khu công nghiệp thông minh, du lịch thông minh, trung tâm dược liệu).",
        rng(5, 7, COUNT),
    ),
    row(
        "I-2030-7.3",
        "Đến năm 2030, Phú Thọ trở thành trung tâm khoa học – công nghệ vùng trung du miền núi Bắc Bộ; "
        "dành 2% GRDP cho R&D; tỷ lệ năng lượng tái tạo đạt 30%; tỷ lệ doanh nghiệp ứng dụng công nghệ "
        "cao đạt 30%; đạt tiêu chí đô thị xanh – thông minh; và 100% hệ thống chính quyền số đạt chuẩn "
        "an toàn thông tin cấp độ 3 trở lên, góp phần giữ vững quốc phòng – an ninh.",
        gte(2, GRDP, review=True),
    ),
    row(
        "I-2030-7.4",
        "10–15 mô hình thí điểm AI, Big Data, IoT trong các lĩnh vực then chốt.",
        rng(10, 15, COUNT),
    ),
    row(
        "I-2030-7.5",
        "Xây dựng ngân hàng dữ liệu số di sản của tỉnh.",
        QUAL,
    ),
    row(
        "I-2030-7.6",
        "Hình thành 2 trung tâm sáng tạo văn hóa và 3–5 sản phẩm công nghiệp văn hóa thương hiệu mạnh.",
        gte(2, COUNT, review=True),
    ),
    row(
        "I-2030-7.7",
        "Phát triển 3–5 tuyến du lịch đặc thù liên vùng và một sàn du lịch số hiện đại.",
        rng(3, 5, COUNT, review=True),
    ),
    row(
        "I-2030-7.8",
        "Từ năm 2026, tỉnh tổ chức thường niên 01 Festival văn hóa – du lịch quốc tế mang thương hiệu "
        "riêng, thu hút tối thiểu 300.000 lượt khách/năm (trong đó ≥5% khách quốc tế), doanh thu dịch vụ "
        "200–300 tỷ đồng/năm, có sự tham gia của ≥10 đoàn quốc tế và được truyền thông trên ít nhất 10 "
        "kênh quốc gia – quốc tế với 10 triệu lượt tiếp cận trực tuyến.",
        gte(1, COUNT, review=True),
    ),
    row(
        "I-2030-7.9",
        "Đến năm 2030, đưa Phú Thọ trở thành trung tâm văn hóa – du lịch đặc sắc của vùng Trung du miền "
        "núi Bắc Bộ, đón ≥12 triệu lượt khách/năm (trong đó ≥500.000 khách quốc tế), doanh thu du lịch "
        "đạt ≥15.000 tỷ đồng/năm; hình thành 03 khu du lịch cấp vùng, 01 trung tâm lễ hội – văn hóa quốc "
        "tế và ≥20 sản phẩm du lịch đặc thù; thiết lập ≥10 tuyến liên vùng và ≥5 tuyến quốc tế; tổ chức "
        "01 Festival quốc tế thường niên cùng ≥5 sự kiện văn hóa – du lịch cấp vùng/năm; đưa Phú Thọ vào "
        "Top 5 điểm đến văn hóa – lễ hội đặc sắc của vùng.",
        gte(12_000_000, VISITORS, review=True),
    ),
    row(
        "I-2045-1.1",
        "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt 100%.",
        gte(100, PCT),
    ),
    row(
        "I-2045-1.2",
        "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa trong giải quyết thủ tục hành "
        "chính, dịch vụ công đạt 100%.",
        gte(100, PCT),
    ),
    row(
        "I-2045-1.3",
        "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công đạt 100%.",
        gte(100, PCT),
    ),
    row(
        "I-2045-2.1",
        "Chuyển đổi số toàn diện, hình thành nền giáo dục tỉnh Phú Thọ thông minh, mở, linh hoạt và lấy "
        "người học làm trung tâm. Mọi hoạt động quản lý, giảng dạy, học tập và đánh giá được thực hiện "
        "trên nền tảng số thống nhất, kết nối toàn quốc.",
        QUAL,
    ),
    row(
        "I-2045-3.1",
        "Chuyển đổi số toàn diện, hình thành nền y tế thông minh, hiện đại, lấy người dân làm trung tâm. "
        "Mọi thông tin, hồ sơ sức khỏe cá nhân được số hóa, quản lý tập trung, đồng bộ, giúp người dân "
        "được chăm sóc, tư vấn, khám chữa bệnh mọi lúc, mọi nơi thông qua hệ thống y tế số quốc gia. "
        "Công tác quản lý, điều hành ngành y tế chuyển sang mô hình dựa trên dữ liệu số, giúp ra quyết "
        "định chính xác, kịp thời; liên thông, chia sẻ dữ liệu y tế giữa các tuyến, giữa y tế công – tư. "
        "Người dân được chăm sóc sức khỏe chủ động, liên tục, cá thể hóa, góp phần xây dựng xã hội khỏe "
        "mạnh, văn minh, hạnh phúc.",
        QUAL,
    ),
    row(
        "I-2045-4.1",
        "Du lịch tỉnh Phú Thọ cơ bản hoàn thành chuyển đổi số toàn diện, trở thành ngành kinh tế quan "
        "trọng, thông minh và bền vững, góp phần thúc đẩy tăng trưởng xanh và bảo tồn, phát huy giá trị "
        "văn hóa truyền thống kết hợp với hiện đại. Hệ sinh thái du lịch số Phú Thọ được liên thông với "
        "hệ thống du lịch quốc gia, tích hợp bản đồ số, cơ sở dữ liệu du lịch và các nền tảng quản lý, "
        "quảng bá, điều hành hiện đại.",
        QUAL,
    ),
    row(
        "I-2045-5.1",
        "100% hệ thống hạ tầng giao thông (đường bộ, đường thủy, bến bãi, cầu đường đô thị) được số hóa, "
        "quản lý tập trung trên nền tảng dữ liệu số thống nhất của tỉnh.",
        gte(100, PCT),
    ),
    row(
        "I-2045-5.2",
        "Hệ thống giao thông thông minh được triển khai đồng bộ, tích hợp dữ liệu thời gian thực phục vụ "
        "điều hành, dự báo và cảnh báo sớm tai nạn, ùn tắc.",
        QUAL,
    ),
    row(
        "I-2045-5.3",
        "100% phương tiện vận tải hành khách công cộng và hàng hóa ứng dụng công nghệ số, kết nối dữ "
        "liệu với hệ thống quản lý của tỉnh.",
        gte(100, PCT),
    ),
    row(
        "I-2045-5.4",
        "Người dân được tiếp cận dịch vụ giao thông số toàn diện, sử dụng ứng dụng thống nhất để đặt, "
        "thanh toán, tra cứu hành trình, và phản ánh giao thông.",
        QUAL,
    ),
    row(
        "I-2045-6.1",
        "100% các sản phẩm OCOP, sản phẩm nông sản đặc của tỉnh ứng dụng hệ thống truy xuất nguồn gốc "
        "điện tử, có nhật ký theo dõi quy trình sản xuất theo thời gian thực.",
        gte(100, PCT),
    ),
    row(
        "I-2045-6.2",
        "100% thành viên chủ chốt của các HTX, tổ hợp tác; 70% nông dân sản xuất tiêu biểu được đào tạo "
        "và thành thạo về kỹ năng số cơ bản và nâng cao trong sản xuất và kinh doanh sản phẩm nông "
        "nghiệp.",
        gte(100, PCT, review=True),
    ),
    row(
        "I-2045-6.3",
        "100% các trạm quan trắc tự động ứng dụng hệ thống truyền nhận số liệu trực tuyến từ trạm về lưu "
        "trữ tại trung tâm; sẵn sàng chia sẻ, kết nối đến CSDL dùng chung.",
        gte(100, PCT),
    ),
    row(
        "I-2045-6.4",
        "Triển khai hàng năm tối thiểu 10 mô hình AI dự báo dịch bệnh cây trồng hoặc vật nuôi, báo cáo "
        "cảnh báo sớm gửi tự động đến người dân và sẵn sàng chia sẻ, kết nối tới CSDL dùng chung",
        gte(10, COUNT),
    ),
    row(
        "I-2045-6.5",
        "Triển khai hàng năm tối thiểu 02 mô hình ứng dụng rô bốt điều khiển tự động trong thu thập "
        "thông tin môi trường và sản xuất nông nghiệp thay thế sức lao động của con người.",
        gte(2, COUNT),
    ),
    row(
        "II-2025-1.1",
        "Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60%.",
        gte(60, PCT),
    ),
    row(
        "II-2025-2.1",
        "Có ≥ 1,0 % tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo; tỷ lệ "
        "chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đạt 2% GRDP.",
        gte("1.0", BUDGET, review=True),
    ),
    row(
        "II-2025-2.2",
        "100% cán bộ, công chức cấp tỉnh, cấp xã được bồi dưỡng kỹ năng số căn bản.",
        gte(100, PCT),
    ),
    row(
        "II-2025-2.3",
        "80% cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành.",
        gte(80, PCT),
    ),
    row(
        "II-2025-2.4",
        "80% dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông.",
        gte(80, PCT),
    ),
    row(
        "II-2025-2.5",
        "Có từ 07 người thực hiện công tác nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo "
        "trên 01 vạn dân.",
        gte(7, PER_10K),
    ),
    row(
        "II-2025-3.1",
        "Có ≥ 20 công trình khoa học và công nghệ cấp tỉnh được nghiệm thu.",
        gte(20, COUNT),
    ),
    row(
        "II-2025-3.2",
        "Có ≥ 300 cán bộ nghiên cứu khoa học và công nghệ toàn tỉnh.",
        gte(300, COUNT),
    ),
    row(
        "II-2025-3.3",
        "Có ≥ 25 nhiệm vụ khoa học và công nghệ cấp tỉnh triển khai.",
        gte(25, COUNT),
    ),
    row(
        "II-2025-3.4",
        "Có ≥ 40% kết quả khoa học và công nghệ được ứng dụng thực tiễn sau 12 tháng nghiệm thu.",
        gte(40, PCT),
    ),
    row(
        "II-2025-3.5",
        "Có ≥ 3 đơn đăng ký sở hữu trí tuệ (sáng chế, giải pháp hữu ích).",
        gte(3, COUNT),
    ),
    row(
        "II-2025-3.6",
        "Có ≥ 10 bài báo khoa học có địa chỉ tác giả tại tỉnh (Scopus/WoS).",
        gte(10, COUNT),
    ),
    row(
        "II-2025-4.1",
        "Có ≥ 10 dự án đổi mới sáng tạo/đổi mới công nghệ được hỗ trợ từ ngân sách tỉnh.",
        gte(10, COUNT),
    ),
    row(
        "II-2025-4.2",
        "Có ≥ 3 sáng chế, giải pháp hữu ích có địa chỉ tại tỉnh.",
        gte(3, COUNT),
    ),
    row(
        "II-2025-4.3",
        "Có ≥ 50 bài báo khoa học ứng dụng liên quan đổi mới sáng tạo.",
        gte(50, COUNT),
    ),
    row(
        "II-2025-4.4",
        "Có ≥ 10% doanh nghiệp vừa và nhỏ có hợp tác nghiên cứu, phát triển với các viện/trường.",
        gte(10, PCT),
    ),
    row(
        "II-2025-5.1",
        "Chỉ số chuyển đổi số cấp tỉnh ≥ 0.70",
        gte("0.70", INDEX),
    ),
    row(
        "II-2025-5.2",
        "Có ≥ 40% hệ thống thông tin của tỉnh được vận hành trên nền tảng điện toán đám mây.",
        gte(40, PCT),
    ),
    row(
        "II-2025-5.3",
        "Có ≥ 50% cơ sở dữ liệu của tỉnh được số hóa & liên thông với Trung ương.",
        gte(50, PCT),
    ),
    row(
        "II-2025-5.4",
        "Có ≥ 60% dữ liệu của các ban, sở, ngành được tích hợp với trục liên thông dữ liệu cấp tỉnh.",
        gte(60, PCT),
    ),
    row(
        "II-2025-5.5",
        "Có ≥ 30% doanh nghiệp vừa và nhỏ ứng dụng công nghệ số.",
        gte(30, PCT),
    ),
    row(
        "II-2025-5.6",
        "Có ≥ 80% người dân từ 14 tuổi trở lên đủ điều kiện có tài khoản định danh điện tử (VNeID).",
        gte(80, PCT),
    ),
    row(
        "II-2025-5.7",
        "Có ≥ 60% đảng ủy, chính quyền xã, phường sử dụng phần mềm quản trị điều hành thống nhất.",
        gte(60, PCT),
    ),
    row(
        "II-2025-5.8",
        "Tỷ lệ giao dịch không dùng tiền mặt đạt tối thiểu 60%",
        gte(60, PCT),
    ),
    row(
        "II-2025-5.9",
        "Đẩy mạnh ứng dụng thương mại điện tử.",
        QUAL,
    ),
    row(
        "II-2025-5.10",
        "Quy mô kinh tế số phấn đấu đạt tối thiểu 22% GRDP.",
        gte(22, GRDP),
    ),
    row(
        "II-2025-5.11",
        "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế của tỉnh ở mức tối thiểu 50%",
        gte(50, PCT),
    ),
    row(
        "II-2030-1.1",
        "Tỷ lệ phủ sóng 5G trên địa bàn ≥ 90%.",
        gte(90, PCT),
    ),
    row(
        "II-2030-1.2",
        "100% người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.",
        gte(100, PCT),
    ),
    row(
        "II-2030-2.1",
        "Có ≥ 1,5 % tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo; tỷ lệ "
        "chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đạt 3% GRDP.",
        gte("1.5", BUDGET, review=True),
    ),
    row(
        "II-2030-2.2",
        "Phấn đấu bố trí cán bộ có chuyên môn, kinh nghiệm về khoa học, kỹ thuật trong đội ngũ lãnh đạo "
        "từng cơ quan, đơn vị nhà nước tối thiểu 25%.",
        gte(25, PCT),
    ),
    row(
        "II-2030-2.3",
        "100% cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành.",
        gte(100, PCT),
    ),
    row(
        "II-2030-2.4",
        "90% dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông.",
        gte(90, PCT),
    ),
    row(
        "II-2030-2.5",
        "Có từ 12 người thực hiện công tác nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo "
        "trên 01 vạn dân.",
        gte(12, PER_10K),
    ),
    row(
        "II-2030-3.1",
        "Có ≥ 500 cán bộ nghiên cứu khoa học và công nghệ toàn tỉnh.",
        gte(500, COUNT),
    ),
    row(
        "II-2030-3.2",
        "Phát triển/thành lập mới  ≥ 10 doanh nghiệp khoa học và công nghệ trên địa bàn tỉnh.",
        gte(10, COUNT),
    ),
    row(
        "II-2030-3.3",
        "Có ≥ 30 công trình khoa học và công nghệ cấp tỉnh được nghiệm thu.",
        gte(30, COUNT),
    ),
    row(
        "II-2030-3.4",
        "Có ≥ 30 nhiệm vụ khoa học và công nghệ cấp tỉnh triển khai.",
        gte(30, COUNT),
    ),
    row(
        "II-2030-3.5",
        "Có ≥ 36 đơn đăng ký sở hữu trí tuệ (sáng chế, giải pháp hữu ích).",
        gte(36, COUNT),
    ),
    row(
        "II-2030-3.6",
        "Có ≥ 20 bài báo khoa học có địa chỉ tác giả tại tỉnh (Scopus/WoS).",
        gte(20, COUNT),
    ),
    row(
        "II-2030-3.7",
        "Có ≥ 02 tổ chức trung gian về thị trường khoa học và công nghệ.",
        gte(2, COUNT),
    ),
    row(
        "II-2030-3.8",
        "Có ≥ 15 doanh nghiệp khoa học công nghệ và 10 doanh nghiệp công nghệ cao trở lên.",
        gte(15, COUNT, review=True),
    ),
    row(
        "II-2030-3.9",
        "Có ≥ 40 tổ chức khoa học công nghệ công lập và ngoài công lập",
        gte(40, COUNT),
    ),
    row(
        "II-2030-3.10",
        "Ứng dụng AI trong quản trị nhà trường, trường học thông minh; trong dạy học tại các cơ sở giáo "
        "dục và đào tạo.",
        QUAL,
    ),
    row(
        "II-2030-4.1",
        "Phấn đấu mỗi năm có từ 1-2 doanh nghiệp khởi nghiệp sáng tạo.",
        rng(1, 2, COUNT),
    ),
    row(
        "II-2030-4.2",
        "Có ≥ 3 vườn ươm/trung tâm đổi mới sáng tạo.",
        gte(3, COUNT),
    ),
    row(
        "II-2030-4.3",
        "Có ≥ 50 sản phẩm đổi mới sáng tạo được thương mại hóa.",
        gte(50, COUNT),
    ),
    row(
        "II-2030-4.4",
        "Có ≥ 20 dự án đổi mới sáng tạo được hỗ trợ từ ngân sách tỉnh.",
        gte(20, COUNT),
    ),
    row(
        "II-2030-4.5",
        "Có ≥ 28 sáng chế, giải pháp hữu ích có địa chỉ tại tỉnh.",
        gte(28, COUNT),
    ),
    row(
        "II-2030-4.6",
        "Có ≥ 300 bài báo khoa học ứng dụng liên quan đổi mới sáng tạo.",
        gte(300, COUNT),
    ),
    row(
        "II-2030-4.7",
        "Có ≥ 25% doanh nghiệp vừa và nhỏ có hợp tác nghiên cứu, phát triển với các viện/trường.",
        gte(25, PCT),
    ),
    row(
        "II-2030-4.8",
        "Khoa học, công nghệ, đổi mới sáng tạo góp phần xây dựng, phát triển giá trị văn hóa, xã hội và "
        "góp phần nâng chỉ số phát triển con người Phú Thọ (HDI) duy trì trên mức 0,85.",
        gte("0.85", INDEX),
    ),
    row(
        "II-2030-4.9",
        "Có ≥ 01 khu công nghiệp dành 30% diện tích để thu hút các doanh nghiệp công nghệ cao.",
        gte(1, COUNT, review=True),
    ),
    row(
        "II-2030-5.1",
        "Chỉ số chuyển đổi số cấp tỉnh ≥ 0.80.",
        gte("0.80", INDEX),
    ),
    row(
        "II-2030-5.2",
        "Có ≥ 70% hệ thống thông tin của tỉnh được vận hành trên nền tảng điện toán đám mây.",
        gte(70, PCT),
    ),
    row(
        "II-2030-5.3",
        "Có ≥ 80% cơ sở dữ liệu của tỉnh được số hóa & liên thông với Trung ương.",
        gte(80, PCT),
    ),
    row(
        "II-2030-5.4",
        "Có ≥ 60% doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số.",
        gte(60, PCT),
    ),
    row(
        "II-2030-5.5",
        "100% người dân từ 14 tuổi trở lên đủ điều kiện có tài khoản định danh điện tử (VNeID).",
        gte(100, PCT),
    ),
    row(
        "II-2030-5.6",
        "Có 90 % đảng ủy, chính quyền xã, phường sử dụng phần mềm quản trị điều hành thống nhất.",
        gte(90, PCT),
    ),
    row(
        "II-2030-5.7",
        "Tỷ lệ giao dịch không dùng tiền mặt đạt tối thiểu 80%.",
        gte(80, PCT),
    ),
    row(
        "II-2030-5.8",
        "Quy mô kinh tế số đạt tối thiểu 30% GRDP trở lên.",
        gte(30, GRDP),
    ),
    row(
        "II-2030-5.9",
        "Tiếp tục đẩy mạnh ứng dụng thương mại điện tử.",
        QUAL,
    ),
    row(
        "II-2030-5.10",
        "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế của tỉnh từ 55-60%",
        rng(55, 60, PCT),
    ),
    row(
        "II-2045-1.1",
        "Tỷ lệ phủ sóng 6G trên địa bàn đạt 100%",
        gte(100, PCT),
    ),
    row(
        "II-2045-2.1",
        "Có ≥ 3% tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo; tỷ lệ chi "
        "cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đạt 3% GRDP.",
        gte(3, BUDGET, review=True),
    ),
    row(
        "II-2045-2.2",
        "99% dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông.",
        gte(99, PCT),
    ),
    row(
        "II-2045-2.3",
        "Có từ 54 người thực hiện công tác nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo "
        "trên 01 vạn dân.",
        gte(54, PER_10K),
    ),
    row(
        "II-2045-2.4",
        "Thu hút đội ngũ chuyên gia, nhà khoa học, kỹ sư công nghệ hàng đầu, hình thành “cụm chuyên gia”.",
        QUAL,
    ),
    row(
        "II-2045-3.1",
        "Có ≥ 40 công trình khoa học và công nghệ cấp tỉnh được nghiệm thu.",
        gte(40, COUNT),
    ),
    row(
        "II-2045-3.2",
        "Có ≥ 40 nhiệm vụ khoa học và công nghệ cấp tỉnh triển khai.",
        gte(40, COUNT),
    ),
    row(
        "II-2045-3.3",
        "Có ≥ 216 đơn đăng ký sở hữu trí tuệ (sáng chế, giải pháp hữu ích).",
        gte(216, COUNT),
    ),
    row(
        "II-2045-3.4",
        "Có ≥ 80% doanh nghiệp sử dụng kết quả nghiên cứu từ viện, trường trong sản xuất/kinh doanh.",
        gte(80, PCT),
    ),
    row(
        "II-2045-3.5",
        "Có ≥ 30 bài báo khoa học có địa chỉ tác giả tại tỉnh (Scopus/WoS).",
        gte(30, COUNT),
    ),
    row(
        "II-2045-3.6",
        "Có ≥ 5 công trình đạt giải thưởng khoa học và công nghệ quốc gia/khu vực.",
        gte(5, COUNT),
    ),
    row(
        "II-2045-3.7",
        "Địa phương có khả năng thu hút nhiều chuyên gia, nhà khoa học hàng đầu thế giới, tạo ra sản "
        "phẩm, dịch vụ công nghệ mang thương hiệu toàn cầu.",
        QUAL,
    ),
    row(
        "II-2045-4.1",
        "Có ≥ 20 dự án khởi nghiệp sáng tạo.",
        gte(20, COUNT),
    ),
    row(
        "II-2045-4.2",
        "Có ≥ 05 vườn ươm/trung tâm đổi mới sáng tạo.",
        gte(5, COUNT),
    ),
    row(
        "II-2045-4.3",
        "Có ≥ 200 sản phẩm đổi mới sáng tạo/đổi mới công nghệ được thương mại hóa.",
        gte(200, COUNT),
    ),
    row(
        "II-2045-4.4",
        "Có ≥  30 dự án đổi mới sáng tạo/đổi mới công nghệ được hỗ trợ từ ngân sách tỉnh.",
        gte(30, COUNT),
    ),
    row(
        "II-2045-4.5",
        "Có ≥ 166 sáng chế, giải pháp hữu ích có địa chỉ tại tỉnh.",
        gte(166, COUNT),
    ),
    row(
        "II-2045-4.6",
        "Có ≥ 80% doanh nghiệp vừa và nhỏ có hợp tác nghiên cứu, phát triển với các viện/trường.",
        gte(80, PCT),
    ),
    row(
        "II-2045-4.7",
        "Có ≥ 250 sáng kiến trong khu vực công được công nhận.",
        gte(250, COUNT),
    ),
    row(
        "II-2045-5.1",
        "Chỉ số chuyển đổi số cấp tỉnh đạt 1.0.",
        gte("1.0", INDEX),
    ),
    row(
        "II-2045-5.2",
        "100% hệ thống thông tin của tỉnh được vận hành trên nền tảng điện toán đám mây.",
        gte(100, PCT),
    ),
    row(
        "II-2045-5.3",
        "100% cơ sở dữ liệu của tỉnh được số hóa & liên thông với Trung ương.",
        gte(100, PCT),
    ),
    row(
        "II-2045-5.4",
        "100% dữ liệu của các ban, sở, ngành được tích hợp với nền tảng chia sẻ LGSP.",
        gte(100, PCT),
    ),
    row(
        "II-2045-5.5",
        "100% doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số.",
        gte(100, PCT),
    ),
    row(
        "II-2045-5.6",
        "100% người dân có tài khoản định danh điện tử.",
        gte(100, PCT),
    ),
    row(
        "II-2045-5.7",
        "Ứng dụng AI, IoT và Big Data ở mức độ cao trong chính quyền số giúp xây dựng các hệ thống quản "
        "trị thông minh, tự động hóa ra quyết định dựa trên dữ liệu thời gian thực, tối ưu hóa quy trình "
        "vận hành và nâng cao chất lượng các hoạt động lãnh đạo, chỉ đạo, điều hành và dịch vụ công.",
        QUAL,
    ),
    row(
        "II-2045-5.8",
        "Duy trì/nâng cấp IOC cấp tỉnh đóng vai trò thực sự là “bộ não số” của địa phương, giúp tổ chức "
        "đảng, cơ quan đảng, chính quyền lãnh đạo, chỉ đạo, quản lý và điều hành hiệu quả trên tất cả "
        "các lĩnh vực.",
        QUAL,
    ),
    row(
        "II-2045-5.9",
        "100% đảng ủy, chính quyền xã, phường sử dụng phần mềm quản trị điều hành thống nhất. Các hệ "
        "thống đảng số, chính quyền số vận hành hoàn toàn thông minh.",
        gte(100, PCT),
    ),
    row(
        "II-2045-5.10",
        "Các đô thị vận hành dựa trên dữ liệu, quản trị thông minh, giảm phát thải, sử dụng năng lượng xanh.",
        QUAL,
    ),
    row(
        "II-2045-5.11",
        "Dịch vụ y tế, giáo dục, an sinh xã hội đạt chuẩn tiên tiến, người dân hưởng thụ môi trường sống "
        "hiện đại, an toàn, tiện ích.",
        QUAL,
    ),
    row(
        "II-2045-5.12",
        "Hội nhập sâu với mạng lưới đô thị thông minh toàn cầu, là điểm đến của hợp tác quốc tế về công "
        "nghệ, nghiên cứu, du lịch.",
        QUAL,
    ),
    row(
        "II-2045-5.13",
        "Phát triển mạnh về công nghệ mũi nhọn (AI, robot, vật liệu mới, sinh học…), sở hữu công trình "
        "nghiên cứu tầm vóc, ứng dụng rộng rãi.",
        QUAL,
    ),
    row(
        "II-2045-5.14",
        "Kinh tế số đạt tối thiểu 60% GRDP; các ngành đều có khả năng cạnh tranh, xuất khẩu dịch vụ số, "
        "sản phẩm công nghệ cao.",
        gte(60, GRDP),
    ),
    row(
        "II-2045-5.15",
        "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ở mức cao, hướng tới phát "
        "triển bền vững và nâng cao năng lực cạnh tranh địa phương.",
        QUAL,
    ),
]

# The 002 sentences handed to a person: several targets in one sentence (the first is filled as a candidate).
FLAGGED_FOR_REVIEW = [
    "I-2025-3.4",  # 100% tuyến tỉnh và 70% tuyến xã
    "I-2030-4.4",  # 100% di sản UNESCO; 100% di tích quốc gia đặc biệt
    "I-2030-7.3",  # 2% GRDP; 30%; 30%; 100%
    "I-2030-7.6",  # 2 trung tâm và 3–5 sản phẩm
    "I-2030-7.7",  # 3–5 tuyến và một sàn du lịch số
    "I-2030-7.8",  # festival, lượt khách, doanh thu, đoàn, kênh, lượt tiếp cận
    "I-2030-7.9",  # eleven tourism targets
    "I-2045-6.2",  # 100% thành viên HTX; 70% nông dân
    "II-2025-2.1",  # % tổng chi ngân sách; % GRDP
    "II-2030-2.1",
    "II-2030-3.8",  # 15 doanh nghiệp KH&CN và 10 doanh nghiệp công nghệ cao
    "II-2030-4.9",  # 01 khu công nghiệp dành 30% diện tích
    "II-2045-2.1",
]

# The 002 sentences without a number: qualitative indicators, assessed by hand with evidence.
QUALITATIVE_002 = [
    "I-2030-3.4",
    "I-2030-3.6",
    "I-2030-4.2",
    "I-2030-5.2",
    "I-2030-5.3",
    "I-2030-7.5",
    "I-2045-2.1",
    "I-2045-3.1",
    "I-2045-4.1",
    "I-2045-5.2",
    "I-2045-5.4",
    "II-2025-5.9",
    "II-2030-3.10",
    "II-2030-5.9",
    "II-2045-2.4",
    "II-2045-3.7",
    "II-2045-5.7",
    "II-2045-5.8",
    "II-2045-5.10",
    "II-2045-5.11",
    "II-2045-5.12",
    "II-2045-5.13",
    "II-2045-5.15",
]


def _key(param: Any) -> str:
    return str(param.id)


def _sentence(param: Any) -> str:
    return str(param.values[0])


class TestPhuLucI002:
    def test_the_table_holds_every_indicator_of_both_parts(self) -> None:
        keys = [_key(p) for p in PHU_LUC_I_002]
        assert len(keys) == len(set(keys)) == 174
        assert sum(k.startswith("I-") for k in keys) == 77

    @pytest.mark.parametrize(("sentence", "expected"), PHU_LUC_I_002)
    def test_sentence(self, sentence: str, expected: Expected) -> None:
        assert observed(parse_target(sentence)) == expected

    def test_the_sentences_for_review_are_exactly_these(self) -> None:
        flagged = [_key(p) for p in PHU_LUC_I_002 if parse_target(_sentence(p)).needs_review]
        assert flagged == FLAGGED_FOR_REVIEW

    def test_the_qualitative_sentences_are_exactly_these(self) -> None:
        qualitative = [
            _key(p) for p in PHU_LUC_I_002 if parse_target(_sentence(p)).comparator is Comparator.QUALITATIVE
        ]
        assert qualitative == QUALITATIVE_002

    @pytest.mark.parametrize(("sentence", "expected"), PHU_LUC_I_002)
    def test_a_read_target_shows_its_words_and_a_flagged_one_says_why(self, sentence: str, expected: Expected) -> None:
        spec = parse_target(sentence)
        if spec.comparator is Comparator.QUALITATIVE:
            assert spec.reasons == (QUALITATIVE_REASON,) and spec.text_of_target is None
            return
        assert spec.text_of_target
        assert all(words in " ".join(sentence.split()) for words in spec.text_of_target.split(" … "))
        assert spec.unit is not None
        assert bool(spec.reasons) == spec.needs_review


class TestReasons:
    def test_two_targets_are_named_and_the_first_is_a_candidate(self) -> None:
        spec = parse_target(
            "Có ≥ 1,0 % tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo; "
            "tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đạt 2% GRDP."
        )
        assert spec.reasons == (
            "Câu nêu 2 chỉ tiêu số (1,0 % tổng chi ngân sách; 2% GRDP): cần tách thành chỉ tiêu thành phần",
            "Đã điền chỉ tiêu đầu tiên (≥ 1,0 % tổng chi ngân sách) làm gợi ý, cần người kiểm tra",
        )
        assert (spec.comparator, spec.value, spec.unit_label) == (
            Comparator.GTE,
            Decimal("1.0"),
            "% tổng chi ngân sách",
        )

    def test_the_tourism_sentence_names_all_its_numbers(self) -> None:
        spec = parse_target(
            "Từ năm 2026, tỉnh tổ chức thường niên 01 Festival văn hóa – du lịch quốc tế mang thương hiệu riêng, "
            "thu hút tối thiểu 300.000 lượt khách/năm (trong đó ≥5% khách quốc tế), doanh thu dịch vụ 200–300 tỷ "
            "đồng/năm, có sự tham gia của ≥10 đoàn quốc tế và được truyền thông trên ít nhất 10 kênh quốc gia – "
            "quốc tế với 10 triệu lượt tiếp cận trực tuyến."
        )
        assert spec.reasons[0] == (
            "Câu nêu 7 chỉ tiêu số (01 Festival; 300.000 lượt khách/năm; 5%; 200–300 tỷ đồng/năm; 10 đoàn; "
            "10 kênh; 10 triệu lượt): cần tách thành chỉ tiêu thành phần"
        )
        assert (spec.value, spec.unit_label, spec.per_year) == (Decimal(1), "Festival", True)

    def test_a_rank_is_named_with_its_word(self) -> None:
        spec = parse_target("có ≥20 sản phẩm du lịch đặc thù; đưa Phú Thọ vào Top 5 điểm đến văn hóa của vùng.")
        assert spec.reasons[0].startswith("Câu nêu 2 chỉ tiêu số (20 sản phẩm; Top 5)")

    def test_a_number_in_words_counts_as_a_target(self) -> None:
        spec = parse_target("Phát triển 3–5 tuyến du lịch đặc thù liên vùng và một sàn du lịch số hiện đại.")
        assert spec.needs_review
        assert spec.reasons[0].startswith("Câu nêu 2 chỉ tiêu số (3–5 tuyến; một sàn)")

    def test_a_number_without_a_unit_is_flagged(self) -> None:
        spec = parse_target("Khu du lịch đạt chuẩn 4 sao trở lên.")
        assert (spec.comparator, spec.value, spec.unit, spec.needs_review) == (Comparator.GTE, Decimal(4), None, True)
        assert spec.reasons == ("Không xác định được đơn vị của con số 4: cần người xác định đơn vị",)

    @pytest.mark.parametrize(
        "sentence",
        [
            pytest.param("Đẩy mạnh ứng dụng thương mại điện tử.", id="day-manh"),
            pytest.param("Tiếp tục đẩy mạnh ứng dụng thương mại điện tử.", id="tiep-tuc-day-manh"),
            pytest.param("Triển khai một số giải pháp AI tại một số bệnh viện của tỉnh.", id="mot-so"),
        ],
    )
    def test_no_number_is_a_qualitative_indicator_not_a_review(self, sentence: str) -> None:
        spec = parse_target(sentence)
        assert spec == TargetSpec(Comparator.QUALITATIVE, reasons=(QUALITATIVE_REASON,))


class TestParseNumber:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            pytest.param("1.000", Decimal(1000), id="dot-thousands"),
            pytest.param("15.000", Decimal(15000), id="dot-thousands-15"),
            pytest.param("500.000", Decimal(500000), id="dot-thousands-500k"),
            pytest.param("1.000.000", Decimal(1000000), id="dot-millions"),
            pytest.param("0,85", Decimal("0.85"), id="comma-decimal"),
            pytest.param("1,0", Decimal("1.0"), id="comma-decimal-1"),
            pytest.param("1.234,5", Decimal("1234.5"), id="dots-and-comma"),
            pytest.param("0.70", Decimal("0.70"), id="dot-two-digits-decimal"),
            pytest.param("1.0", Decimal("1.0"), id="dot-one-digit-decimal"),
            pytest.param("0.700", Decimal("0.7"), id="zero-dot-three-digits-decimal"),
            pytest.param("05", Decimal(5), id="leading-zero"),
            pytest.param("216", Decimal(216), id="integer"),
            pytest.param("12 triệu", Decimal(12_000_000), id="trieu"),
            pytest.param("10 triệu lượt", Decimal(10_000_000), id="trieu-then-words"),
            pytest.param("1,5 triệu", Decimal(1_500_000), id="decimal-trieu"),
            pytest.param("15 nghìn", Decimal(15000), id="nghin"),
        ],
    )
    def test_vietnamese_numbers(self, text: str, value: Decimal) -> None:
        assert parse_number(text) == value

    @pytest.mark.parametrize("text", ["", "triệu", "không", "1.2.3"])
    def test_not_a_number(self, text: str) -> None:
        with pytest.raises(ValueError, match="Không đọc được số"):
            parse_number(text)


FOCUSED = [
    # ranges
    row("range-tu-55-60", "Đóng góp của TFP vào tăng trưởng kinh tế của tỉnh từ 55-60%", rng(55, 60, PCT)),
    row("range-en-dash", "Hình thành 5–7 mô hình công nghệ mẫu", rng(5, 7, COUNT)),
    row("range-3-5", "3–5 sản phẩm công nghiệp văn hóa thương hiệu mạnh", rng(3, 5, COUNT)),
    row("range-billion", "doanh thu dịch vụ 200–300 tỷ đồng/năm", rng(200, 300, BILLION)),
    row("range-percent-den", "80% đến 90% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến", rng(80, 90, PCT)),
    row("range-01-den-03", "Hỗ trợ 01 đến 03 dự án khởi nghiệp sáng tạo", rng(1, 3, COUNT)),
    # at most, rank
    row("lte-khong-qua", "Tỷ lệ hồ sơ giải quyết trễ hạn không quá 5%", lte(5, PCT)),
    row("lte-toi-da", "Tỷ lệ hồ sơ trễ hạn tối đa 2%", lte(2, PCT)),
    row("lte-duoi", "Tỷ lệ hồ sơ trễ hạn dưới 1%", lte(1, PCT)),
    row("lte-symbol", "Tỷ lệ hồ sơ trễ hạn ≤ 3%", lte(3, PCT)),
    row("lte-top-5", "Đưa Phú Thọ vào Top 5 điểm đến văn hóa – lễ hội đặc sắc của vùng.", lte(5, RANK)),
    row("lte-nhom-dan-dau", "Nằm trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước.", lte(10, RANK)),
    # at least
    row("gte-tren", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt trên 40%", gte(40, PCT)),
    row("gte-it-nhat", "Ít nhất 80% người dân tiếp cận thông tin", gte(80, PCT)),
    row("gte-tren-muc-index", "nâng chỉ số phát triển con người (HDI) duy trì trên mức 0,85.", gte("0.85", INDEX)),
    row("gte-index-dat", "Chỉ số chuyển đổi số cấp tỉnh đạt 1.0.", gte("1.0", INDEX)),
    row("gbps-alone", "Băng thông kết nối của tỉnh đạt tối thiểu 10 Gbps.", gte(10, GBPS)),
    row("gbps-qualifies-percent", "100% người sử dụng truy cập băng rộng với tốc độ trên 01 Gbps/s.", gte(100, PCT)),
    row("leading-tt", "5.10 Quy mô kinh tế số phấn đấu đạt tối thiểu 22% GRDP.", gte(22, GRDP)),
    row("leading-decimal-kept", "1.5 tỷ đồng hỗ trợ doanh nghiệp khởi nghiệp", gte("1.5", BILLION)),
    # 001 (diacritics restored)
    row("001-kinh-te-so", "Quy mô kinh tế số phấn đấu đạt tối thiểu 22% GRDP.", gte(22, GRDP)),
    row("001-cds-tu-tro-len", "Chỉ số chuyển đổi số cấp tỉnh đạt từ 0,75 trở lên.", gte("0.75", INDEX)),
    row(
        "001-nhan-luc",
        "Nguồn nhân lực nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo phấn đấu đạt tối thiểu "
        "12 người/vạn dân.",
        gte(12, PER_10K),
    ),
    row(
        "001-mot-van-dan",
        "Nguồn nhân lực nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo phấn đấu đạt tối thiểu "
        "15 người trên một vạn dân.",
        gte(15, PER_10K),
    ),
    row(
        "001-tthc",
        "80% đến 90% thủ tục hành chính đủ điều kiện được cung cấp thông qua dịch vụ công trực tuyến toàn trình.",
        rng(80, 90, PCT),
    ),
    row(
        "001-khoi-nghiep",
        "Hỗ trợ 01 đến 03 dự án khởi nghiệp sáng tạo; thiết lập mạng lưới vườn ươm, không gian làm việc chung.",
        rng(1, 3, COUNT),
    ),
    row(
        "001-tfp",
        "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế của tỉnh ở mức tối thiểu 50%.",
        gte(50, PCT),
    ),
    row(
        "001-chi-ngan-sach",
        "Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số đạt tối thiểu 3% tổng chi ngân sách "
        "trên địa bàn tỉnh.",
        gte(3, BUDGET),
    ),
    row("001-5g", "Phủ sóng 5G đến tối thiểu 90% người dân.", gte(90, PCT)),
    row(
        "001-khu-cong-nghiep",
        "Có ít nhất 01 khu công nghiệp dành 30% diện tích để thu hút các doanh nghiệp công nghệ cao.",
        gte(1, COUNT, review=True),
    ),
    row(
        "001-nhom-10-and-index",
        "Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh đạt mức cao ở một số lĩnh "
        "vực quan trọng, nằm trong nhóm 10 tỉnh/thành phố dẫn đầu cả nước. Chỉ số chuyển đổi số cấp tỉnh đạt từ "
        "0,75 trở lên.",
        lte(10, RANK, review=True),
    ),
    row(
        "001-doanh-nghiep-cong-nghe-cao",
        "Thu hút được ít nhất 20 doanh nghiệp công nghệ cao hoạt động sản xuất kinh doanh trên địa bàn.",
        gte(20, COUNT),
    ),
    row("001-do-thi", "Hoàn thiện đô thị thông minh trên toàn tỉnh.", QUAL),
    # 003 (Mục tiêu cụ thể)
    row(
        "003-chuyen-muc",
        "100% các sở, ban, ngành, cơ quan thuộc UBND tỉnh và UBND cấp xã duy trì chuyên mục truyền thông thực "
        "hiện Nghị quyết số 57-NQ/TW trên Cổng Thông tin điện tử tỉnh.",
        gte(100, PCT),
    ),
    row(
        "003-tap-huan",
        "Tổ chức tập huấn kỹ năng nghiệp vụ báo chí viết về Nghị quyết số 57-NQ/TW cho đội ngũ phóng viên.",
        QUAL,
    ),
    row(
        "003-it-nhat-70",
        "Ít nhất 70% cán bộ chuyên trách làm công tác truyền thông được đào tạo chuyên sâu về kỹ năng truyền "
        "thông số và nội dung khoa học, công nghệ.",
        gte(70, PCT),
    ),
    # 004 (Mục tiêu cụ thể năm 2026)
    row("004-dung-han", "tối thiểu 90% hồ sơ được giải quyết đúng và trước hạn", gte(90, PCT)),
    row(
        "004-mot-cua",
        "100% hồ sơ thủ tục hành chính thuộc thẩm quyền được tiếp nhận, xử lý trên hệ thống một cửa điện tử; "
        "tối thiểu 90% hồ sơ được giải quyết đúng và trước hạn.",
        gte(100, PCT, review=True),
    ),
    row("004-van-ban", "100% văn bản trao đổi nội bộ được xử lý trên môi trường điện tử.", gte(100, PCT)),
]


@pytest.mark.parametrize(("sentence", "expected"), FOCUSED)
def test_focused_forms(sentence: str, expected: Expected) -> None:
    assert observed(parse_target(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Cơ sở giáo dục tuyển sinh trực tuyến từ năm học 2026-2027.", id="nam-hoc"),
        pytest.param("Chương trình phát triển khoa học trọng điểm giai đoạn 2026 - 2030", id="giai-doan"),
        pytest.param("Đến năm 2030, đạt tiêu chí đô thị xanh – thông minh.", id="year"),
        pytest.param("Kết quả được ứng dụng thực tiễn sau 12 tháng nghiệm thu.", id="thang"),
        pytest.param("Người dân từ 14 tuổi trở lên có tài khoản định danh.", id="tuoi"),
        pytest.param("Hệ thống đạt chuẩn an toàn thông tin cấp độ 3 trở lên.", id="cap-do"),
        pytest.param("Kết nối với các tiện ích của Đề án 06.", id="de-an"),
        pytest.param("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024.", id="nghi-quyet"),
        pytest.param("Theo Nghị định số 35/2022/NĐ-CP.", id="document-code"),
        pytest.param("Phủ sóng 5G và 6G trên địa bàn.", id="5g-6g"),
        pytest.param("Ứng dụng công nghệ của cách mạng công nghiệp 4.0.", id="4-0"),
        pytest.param("Thu hút doanh nghiệp công nghệ cao (1).", id="footnote"),
    ],
)
def test_numbers_that_are_not_targets(sentence: str) -> None:
    assert parse_target(sentence).comparator is Comparator.QUALITATIVE


@pytest.mark.parametrize(
    ("sentence", "label", "text"),
    [
        pytest.param("Tỷ lệ phủ sóng 5G trên địa bàn ≥ 90%.", "%", "≥ 90%", id="percent"),
        pytest.param("Quy mô kinh tế số phấn đấu đạt tối thiểu 22% GRDP.", "% GRDP", "tối thiểu 22% GRDP", id="grdp"),
        pytest.param(
            "Quy mô kinh tế số đạt tối thiểu 30% GRDP trở lên.",
            "% GRDP",
            "tối thiểu 30% GRDP trở lên",
            id="grdp-tro-len",
        ),
        pytest.param(
            "Có ≥ 1,5 % tổng chi ngân sách địa phương",
            "% tổng chi ngân sách",
            "≥ 1,5 % tổng chi ngân sách",
            id="budget",
        ),
        pytest.param("Có ≥ 3 đơn đăng ký sở hữu trí tuệ", "đơn", "≥ 3 đơn", id="don"),
        pytest.param("Có ≥ 10 bài báo khoa học", "bài báo", "≥ 10 bài báo", id="bai-bao"),
        pytest.param("Có ≥ 20 công trình khoa học", "công trình", "≥ 20 công trình", id="cong-trinh"),
        pytest.param(
            "Có ≥ 3 vườn ươm/trung tâm đổi mới sáng tạo.",
            "vườn ươm/trung tâm",
            "≥ 3 vườn ươm/trung tâm",
            id="slash-nouns",
        ),
        pytest.param(
            "Đào tạo tối thiểu 1.000 học viên/ năm",
            "học viên/năm",
            "tối thiểu 1.000 học viên/ năm",
            id="per-year-count",
        ),
        pytest.param("đón ≥12 triệu lượt khách/năm", "lượt khách/năm", "≥12 triệu lượt khách/năm", id="visitors"),
        pytest.param("doanh thu du lịch đạt ≥15.000 tỷ đồng/năm", "tỷ đồng/năm", "≥15.000 tỷ đồng/năm", id="billion"),
        pytest.param(
            "Có từ 07 người thực hiện công tác nghiên cứu trên 01 vạn dân.",
            "người/vạn dân",
            "từ 07 người … trên 01 vạn dân",
            id="per-10k-apart",
        ),
        pytest.param(
            "phấn đấu đạt tối thiểu 12 người/vạn dân", "người/vạn dân", "tối thiểu 12 người/vạn dân", id="per-10k-slash"
        ),
        pytest.param("Băng thông đạt tối thiểu 10 Gbps.", "Gbps", "tối thiểu 10 Gbps", id="gbps"),
        pytest.param("Có 100% cơ sở khám, chữa bệnh", "%", "Có 100%", id="co-weak-word-kept"),
        pytest.param("Tỷ lệ thanh toán trực tuyến đạt 100%.", "%", "đạt 100%", id="dat"),
        pytest.param("Chỉ số chuyển đổi số cấp tỉnh đạt từ 0,75 trở lên", None, "từ 0,75 trở lên", id="index"),
        pytest.param("Đưa Phú Thọ vào Top 5 điểm đến", None, "Top 5", id="rank"),
    ],
)
def test_unit_label_and_text_of_target(sentence: str, label: str | None, text: str) -> None:
    spec = parse_target(sentence)
    assert (spec.unit_label, spec.text_of_target) == (label, text)


@pytest.mark.parametrize(
    ("sentence", "per_year"),
    [
        pytest.param("Đào tạo tối thiểu 1.000 học viên/ năm", True, id="slash-nam"),
        pytest.param("Phấn đấu mỗi năm có từ 1-2 doanh nghiệp khởi nghiệp sáng tạo.", True, id="moi-nam"),
        pytest.param("Triển khai hàng năm tối thiểu 10 mô hình AI", True, id="hang-nam"),
        pytest.param("Triển khai hằng năm tối thiểu 02 mô hình", True, id="hang-nam-accent"),
        pytest.param("tổ chức thường niên 01 Festival văn hóa – du lịch quốc tế", True, id="thuong-nien"),
        pytest.param("Đến năm 2030 có ≥ 20 dự án khởi nghiệp sáng tạo.", False, id="milestone-year-is-not-per-year"),
        pytest.param("Triển khai tối thiểu 02 mô hình", False, id="once"),
    ],
)
def test_per_year(sentence: str, per_year: bool) -> None:
    assert parse_target(sentence).per_year is per_year


class TestParseSplit:
    @pytest.mark.parametrize(
        ("cell", "share"),
        [
            pytest.param("Đại học Hùng Vương 05 bài, Đại  học Công nghiệp Việt Trì 05 bài", 5, id="2025"),
            pytest.param("Đại học Hùng Vương 10 bài, Đại  học công nghiệp Việt Trì 10 bài", 10, id="2030"),
            pytest.param("Đại học Hùng Vương 15 bài, Đại  học công nghiệp Việt Trì 15 bài", 15, id="2045"),
            pytest.param("Đại học Hùng Vương 05 bài; Đại học Công nghiệp Việt Trì 05 bài", 5, id="import-format"),
            pytest.param("Đại học Hùng Vương 05 bài\nĐại học Công nghiệp Việt Trì 05 bài", 5, id="line-break"),
        ],
    )
    def test_scopus_cells(self, cell: str, share: int) -> None:
        first, second = parse_split(cell)
        assert first == SplitShare("Đại học Hùng Vương", Decimal(share), "bài")
        assert second.agency_text.lower() == "đại học công nghiệp việt trì"
        assert (second.value, second.unit_label) == (Decimal(share), "bài")

    @pytest.mark.parametrize(
        ("cell", "agencies"),
        [
            pytest.param("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"], id="comma-in-name"),
            pytest.param("Sở Y tế; Sở Giáo dục và Đào tạo", ["Sở Y tế", "Sở Giáo dục và Đào tạo"], id="semicolon"),
            pytest.param(
                "Ngân hàng Nhà nước chi nhánh Khu vực IV",
                ["Ngân hàng Nhà nước chi nhánh Khu vực IV"],
                id="roman-in-name",
            ),
            pytest.param(
                "Các sở, ngành: Y tế, Giáo dục, Bảo hiểm xã hội, Xây dựng",
                ["Các sở, ngành: Y tế, Giáo dục, Bảo hiểm xã hội, Xây dựng"],
                id="group-kept-whole",
            ),
            pytest.param("Trường THPT số 2; Sở Y tế", ["Trường THPT số 2", "Sở Y tế"], id="so-2-is-a-name"),
            pytest.param("Sở Y tế; ", ["Sở Y tế"], id="trailing-separator"),
            pytest.param("", [], id="empty"),
        ],
    )
    def test_parts_without_shares(self, cell: str, agencies: list[str]) -> None:
        shares = parse_split(cell)
        assert [s.agency_text for s in shares] == agencies
        assert all(s.value is None and s.unit_label is None for s in shares)

    def test_shares_with_other_units_and_none(self) -> None:
        assert parse_split("Sở Khoa học và Công nghệ 10 mô hình; Sở Nông nghiệp và Môi trường 5; Sở Y tế") == (
            SplitShare("Sở Khoa học và Công nghệ", Decimal(10), "mô hình"),
            SplitShare("Sở Nông nghiệp và Môi trường", Decimal(5), None),
            SplitShare("Sở Y tế"),
        )

    def test_a_share_after_a_name_with_a_comma(self) -> None:
        assert parse_split("Sở Văn hóa, Thể thao và Du lịch 1.000 lượt khách") == (
            SplitShare("Sở Văn hóa, Thể thao và Du lịch", Decimal(1000), "lượt khách"),
        )
