# Giao diện Margin bằng tiếng Việt. Cùng mã thông điệp với en.ftl; thuật ngữ: glossary.md.

## Cửa sổ và thanh công cụ

app-name = Margin
window-title = { $title } — Margin
skip-to-article = Chuyển đến bài viết
toolbar-toc =
    .title = Mục lục (T)
toolbar-toc-label = Mục lục
toolbar-text-size =
    .aria-label = Cỡ chữ
toolbar-smaller =
    .title = Chữ nhỏ hơn (−)
toolbar-smaller-label = Chữ nhỏ hơn
toolbar-larger =
    .title = Chữ lớn hơn (+)
toolbar-larger-label = Chữ lớn hơn
toolbar-settings =
    .title = Cài đặt: phông chữ, giãn dòng, độ rộng cột, sao lưu
toolbar-settings-label = Cài đặt
toolbar-theme =
    .title = Giao diện (nhấn D để đổi lần lượt)
toolbar-theme-label = Giao diện
theme-system = Theo hệ thống
theme-light = Sáng
theme-sepia = Màu giấy cũ
theme-dark = Tối
toolbar-language =
    .title = Ngôn ngữ của menu và thông báo trong Margin
toolbar-language-label = Ngôn ngữ
language-system = Ngôn ngữ hệ thống
toolbar-bookmark =
    .title = Đặt dấu trang cho phần này (B)
toolbar-bookmark-label = Đặt dấu trang cho phần này
toolbar-unbookmark =
    .title = Bỏ dấu trang của phần này (B)
toolbar-unbookmark-label = Bỏ dấu trang của phần này
toolbar-panel =
    .title = Tô sáng, dấu trang và ghi chú (A)
toolbar-panel-label = Tô sáng, dấu trang và ghi chú
toolbar-help =
    .title = Phím tắt (?)
toolbar-help-label = Phím tắt
toolbar-about =
    .title = Giới thiệu bài viết và Margin (I)
toolbar-about-label = Giới thiệu
progress =
    .aria-label = Tiến độ đọc
progress-percent = { $percent }%
progress-read = Đã đọc { $percent }%, còn khoảng { $minutes } phút
time-left = còn { $article } phút
time-left-detail = Còn khoảng { $section } phút cho phần này, { $article } phút cho cả bài, theo tốc độ đọc của bạn

## Bài viết

toc =
    .aria-label = Mục lục
toc-heading = Mục lục
toc-bookmarked =
    .aria-label = có dấu trang
    .title = Có dấu trang
section-introduction = Mở đầu
attribution =
    .aria-label = Nguồn
article-credit = Tác giả { $author } · { $source } · đăng ngày { $published }, cập nhật ngày { $updated }
article-attribution = Bài viết của { $author }, đăng lần đầu trên { $source } ngày { $published }, cập nhật ngày { $updated }.
figure-open = Mở hình trong trình xem: { $caption }
# Kiểu Việt Nam: "8 tháng 1, 2025".
date-long = { $day } tháng { $monthNumber }, { $year }
# Ngày và giờ: "09:45, 3 tháng 12, 2026".
date-time = { $time }, { $date }

## Tô sáng: màu, thanh chọn và khung sửa

colour-name = { $colour ->
        [yellow] vàng
        [green] xanh lá
        [blue] xanh dương
        [pink] hồng
        [purple] tím
       *[other] { $colour }
    }
colour-default-meaning = { $colour ->
        [yellow] Ý chính
        [green] Dữ kiện, ngày tháng
        [blue] Bối cảnh
        [pink] Câu hỏi
        [purple] Cần nhớ
       *[other] { $colour }
    }
bar =
    .aria-label = Tô sáng đoạn đã chọn
bar-highlight-colour = Tô sáng màu { $colour } ({ $meaning })
bar-note = Ghi chú
bar-tag = Gắn nhãn
bar-copy = Sao chép
editor =
    .aria-label = Đoạn tô sáng
editor-colours =
    .aria-label = Màu
editor-colour-label = Màu { $colour } ({ $meaning })
editor-tabs =
    .aria-label = Ghi chú
editor-write = Viết
editor-preview-tab = Xem trước
editor-note =
    .placeholder = Viết ghi chú… (Markdown)
    .aria-label = Ghi chú, viết bằng Markdown
editor-tags =
    .aria-label = Nhãn
editor-tag-input =
    .placeholder = Thêm nhãn, nhấn Enter
    .aria-label = Thêm nhãn
editor-remove-tag = Bỏ nhãn { $tag }
editor-delete = Xóa
editor-done = Xong
editor-saving = Đang lưu…
editor-saved = Đã lưu
editor-editing = Đang sửa…

## Bảng bên

panel =
    .aria-label = Tô sáng, dấu trang và ghi chú
panel-tabs =
    .aria-label = Bảng bên
panel-tab-highlights = Tô sáng
panel-tab-bookmarks = Dấu trang
panel-tab-notes = Ghi chú
panel-close =
    .title = Đóng bảng bên (A)
panel-close-label = Đóng bảng bên
panel-search =
    .placeholder = Tìm trong đoạn trích, ghi chú, nhãn
    .aria-label = Tìm đoạn tô sáng
panel-colour-filter =
    .aria-label = Lọc theo màu
panel-filter-colour = Lọc màu { $colour } ({ $meaning })
panel-filter-colour-title = Chỉ hiện { $meaning }
panel-tag-filter =
    .aria-label = Lọc theo nhãn
panel-all-tags = Mọi nhãn
panel-list =
    .aria-label = Các đoạn tô sáng theo thứ tự trong bài
panel-count = { $total }
panel-count-filtered = { $shown } / { $total }
panel-orphan = Không còn tìm thấy trong bài hiện tại
panel-trimmed = Một phần đoạn này không còn trong bài; đoạn tô sáng giữ lại phần còn lại.
panel-edit = Sửa
panel-empty = Chưa có đoạn tô sáng nào. Hãy chọn chữ trong bài để tô sáng.
panel-no-match = Không có đoạn tô sáng nào khớp bộ lọc.
panel-colour-meanings = Ý nghĩa các màu
panel-meaning-of = Ý nghĩa của màu { $colour }
panel-export-w3c = Xuất W3C…
panel-export-markdown = Xuất Markdown…
panel-import = Nhập…
export-w3c-title = Xuất dưới dạng W3C Web Annotation
export-markdown-title = Xuất dưới dạng Markdown
import-title = Nhập W3C Web Annotation
file-type-w3c = W3C Web Annotation (JSON-LD)
file-type-markdown = Markdown
export-full-title = Xuất mọi thứ bạn đã tạo
file-type-full = Tệp xuất của Margin (JSON-LD)
bm-add-section = Đặt dấu trang cho phần này
bm-add-position = Đặt dấu trang đúng chỗ này
bm-list =
    .aria-label = Dấu trang
bm-empty = Chưa có dấu trang nào. Nhấn B để đặt dấu trang cho phần bạn đang đọc.
bm-kind-section = Phần · { $section }
bm-kind-position = Vị trí trong { $section }
bm-label =
    .placeholder = Tên (không bắt buộc)
    .aria-label = Tên dấu trang
bm-remove = Bỏ dấu trang
notes-whole-article = Cả bài viết
notes-article-area =
    .placeholder = Ghi chú về cả bài (Markdown)…
    .aria-label = Ghi chú: { $title }
notes-section-area =
    .placeholder = Ghi chú về phần này (Markdown)…
    .aria-label = Ghi chú: { $title }
notes-preview = Xem trước
notes-edit = Sửa
notes-editing = Đang sửa…
notes-saving = Đang lưu…
notes-saved = Đã lưu lúc { $time }
notes-not-saved = Chưa lưu được: { $error }

## Hộp thoại

settings-title = Cài đặt
settings-font = Phông chữ
settings-font-serif = Có chân
settings-font-sans = Không chân
settings-font-dyslexic = OpenDyslexic
    .title = Kiểu chữ mà một số người mắc chứng khó đọc thấy dễ đọc hơn
settings-spacing = Giãn dòng
settings-spacing-compact = Hẹp
settings-spacing-normal = Vừa
settings-spacing-relaxed = Rộng
settings-width = Độ rộng cột chữ
settings-width-narrow = Hẹp
settings-width-medium = Vừa
settings-width-wide = Rộng
backups-title = Bản sao lưu
backups-about = Margin sao lưu các đoạn tô sáng, ghi chú, dấu trang và cài đặt của bạn mỗi ngày một lần khi bạn đọc, và trước mỗi lần cập nhật cơ sở dữ liệu. Margin giữ các bản sao lưu hằng ngày của một tuần và bốn bản hằng tuần.
backups-now = Sao lưu ngay
backups-restore-file = Khôi phục từ tệp…
backups-none = Chưa có bản sao lưu nào.
backups-size-kb = { $size } KB
backups-size-mb = { $size } MB
backups-kind-daily = Hằng ngày
backups-kind-manual = Do bạn tạo
backups-kind-before-migration = Trước khi cập nhật
backups-kind-before-restore = Trước khi khôi phục
backups-restore = Khôi phục
backups-restore-label = Khôi phục bản sao lưu lúc { $when }
backups-restore-question = Thay dữ liệu của bạn bằng bản sao lưu này? Dữ liệu hiện có sẽ được sao lưu trước.
backups-restore-confirm = Thay thế
backups-restore-cancel = Hủy
backups-file-dialog-title = Khôi phục bản sao lưu Margin
backups-file-type = Bản sao lưu Margin
backups-move-title = Chuyển sang máy tính khác
backups-move = Xuất mọi thứ bạn đã tạo (đoạn tô sáng, ghi chú, dấu trang, ý nghĩa màu, cài đặt) vào một tệp, rồi nhập tệp đó vào Margin trên máy kia. Nếu cả hai bên đều có một phiên bản của cùng một thứ, bản mới hơn được giữ lại.
backups-export-all = Xuất mọi thứ…
backups-import = Nhập…

print-title = In
print-what = In gì
print-what-article = Bài viết, cùng các đoạn tô sáng và ghi chú của tôi
print-what-notes = Chỉ các đoạn tô sáng và ghi chú của tôi
print-go = In…
# Trên giấy: tiêu đề phần ghi chú sau bài viết, và của ghi chú in riêng.
print-your-notes = Ghi chú của bạn
print-notes-title = Đoạn tô sáng và ghi chú
print-free-notes = Ghi chú
print-byline = { $author } · { $source } · { $published }
print-nothing = Chưa có đoạn tô sáng hay ghi chú nào.
print-item-meta = { $meaning } · { $date }

dialog-close =
    .title = Đóng (Esc)
dialog-close-label = Đóng
help-title = Phím tắt
about-title = Giới thiệu
about-the-article = Bài viết
about-article = Tên bài
about-author = Tác giả
about-published = Ngày đăng
about-updated = Ngày cập nhật
about-source = Nguồn
about-byline = Dòng tác giả gốc
about-figures = Bản đồ và hình
about-margin = Về Margin
about-margin-text = Margin { $version } — trình đọc ngoại tuyến để học từ một bài viết. Margin không bao giờ kết nối mạng.
about-data-location = Dữ liệu của bạn được lưu trong { $path }.
viewer-zoom-group =
    .aria-label = Thu phóng
viewer-zoom-out =
    .title = Thu nhỏ (−)
viewer-zoom-out-label = Thu nhỏ
viewer-zoom-in =
    .title = Phóng to (+)
viewer-zoom-in-label = Phóng to
viewer-reset =
    .title = Vừa khung (0)
viewer-reset-label = Vừa khung cửa sổ
viewer-figures-group =
    .aria-label = Các hình
viewer-previous =
    .title = Hình trước (P)
viewer-previous-label = Hình trước
viewer-next =
    .title = Hình sau (N)
viewer-next-label = Hình sau
viewer-position = { $index } / { $total }
viewer-stage =
    .aria-label = Hình; kéo hoặc dùng phím mũi tên để di chuyển, + và − để thu phóng

## Tìm khắp nơi

toolbar-search =
    .title = Tìm khắp nơi (Ctrl+K)
toolbar-search-label = Tìm khắp nơi
search-title = Tìm khắp nơi
search-input =
    .aria-label = Tìm trong các bài, đoạn tô sáng và ghi chú của bạn
    .placeholder = Tìm trong bài, đoạn tô sáng, ghi chú
search-hint = Các từ theo thứ tự bất kỳ · "cụm từ" trong ngoặc kép · không phân biệt dấu và hoa thường · ↑ ↓ để chọn, Enter để mở
search-results =
    .aria-label = Kết quả
# Số kết quả, ví dụ "12 kết quả".
search-count = { $count } kết quả
search-none = Không tìm thấy gì
search-failed = Không tìm được: { $error }
search-kind-passage = Văn bản
search-kind-highlight = Tô sáng
search-kind-note = Ghi chú
search-field-note = trong ghi chú của nó
search-field-tags = trong thẻ của nó
search-article-note = Ghi chú cho cả bài
# Đọc cho trình đọc màn hình khi con trỏ bàn phím chọn văn bản.
cursor-selected = Đã chọn: { $text }
toast-caret-on = Đã bật duyệt bằng con trỏ: phím mũi tên di chuyển con trỏ trong văn bản, Shift+mũi tên để chọn. Nhấn F7 để tắt.
toast-caret-off = Đã tắt duyệt bằng con trỏ.
toast-caret-unsupported = Hệ thống này không hỗ trợ duyệt bằng con trỏ.

## Phím tắt

## Tìm trong bài

find-bar =
    .aria-label = Tìm trong bài
find-input =
    .aria-label = Tìm trong bài (không phân biệt hoa thường và dấu)
    .placeholder = Tìm trong bài
# Kết quả thứ mấy trên tổng số, ví dụ "3 / 12".
find-count = { $current } / { $total }
find-none = Không tìm thấy
find-prev =
    .title = Kết quả trước (Shift+Enter)
    .aria-label = Kết quả trước
find-next =
    .title = Kết quả sau (Enter)
    .aria-label = Kết quả sau
find-highlight = Tô sáng
    .title = Tô sáng kết quả này (H)
find-close =
    .title = Đóng (Esc)
    .aria-label = Đóng thanh tìm kiếm

key-space = Phím cách
key-page-down = Page Down
key-shift-space = Shift+Phím cách
key-page-up = Page Up
key-home = Home
key-end = End
key-enter = Enter
key-shift-enter = Shift+Enter
key-esc = Esc
key-arrows = phím mũi tên
shortcut-scroll-down = Cuộn xuống
shortcut-scroll-up = Cuộn lên
shortcut-next-screen = Cuộn xuống một màn hình
shortcut-previous-screen = Cuộn lên một màn hình
shortcut-next-section = Phần sau
shortcut-previous-section = Phần trước
shortcut-start-end = Đầu hoặc cuối bài
shortcut-toc = Hiện hoặc ẩn mục lục
shortcut-text-size = Chữ lớn hơn hoặc nhỏ hơn
shortcut-theme = Giao diện kế tiếp: hệ thống, sáng, màu giấy cũ, tối
shortcut-highlight = Tô sáng chữ đã chọn (hoặc kết quả tìm hiện tại) bằng màu dùng lần trước
shortcut-find = Tìm trong bài (không phân biệt hoa thường và dấu)
shortcut-find-move = Trong thanh tìm kiếm: kết quả sau hoặc trước
shortcut-find-next = Kết quả tìm sau hoặc trước (n khi không tìm gì: mục sau)
shortcut-search = Tìm khắp nơi: mọi bài, đoạn tô sáng và ghi chú của bạn
shortcut-cursor = Chọn câu ở đầu màn hình, không cần chuột (h để tô sáng, Esc để bỏ chọn)
shortcut-cursor-move = Khi đang chọn một câu: câu sau hoặc câu trước; mở rộng hoặc thu hẹp vùng chọn theo từ hoặc theo câu
shortcut-caret = Bật hoặc tắt duyệt bằng con trỏ: di chuyển con trỏ trong văn bản bằng phím mũi tên (Linux)
shortcut-panel = Hiện hoặc ẩn bảng tô sáng, dấu trang và ghi chú
shortcut-bookmark = Đặt dấu trang cho phần đang đọc (nhấn lần nữa: bỏ)
shortcut-undo = Hoàn tác lần xóa đoạn tô sáng gần nhất
shortcut-print = In bài viết cùng ghi chú, hoặc chỉ in ghi chú
shortcut-figure = Mở hình đang chọn trong trình xem
shortcut-viewer = Trong trình xem: phóng to, thu nhỏ, vừa khung; di chuyển
shortcut-viewer-figures = Trong trình xem: hình sau hoặc hình trước
shortcut-help = Danh sách phím tắt này
shortcut-about = Giới thiệu bài viết và Margin
shortcut-close = Đóng trình xem, hộp thoại, khung sửa tô sáng hoặc thanh tìm kiếm

## Menu chuột phải

menu =
    .aria-label = Thao tác
menu-highlight = Tô sáng màu { $colour } ({ $meaning })
menu-note = Tô sáng kèm ghi chú
menu-copy = Sao chép
menu-copy-citation = Sao chép kèm trích dẫn nguồn
menu-edit = Sửa đoạn tô sáng
menu-delete = Xóa đoạn tô sáng
citation = “{ $quote }” — { $author }, *{ $title }*, { $source }, { $year }

## Màn hình khôi phục, khi không mở được cơ sở dữ liệu

read-only-notice = Margin chỉ đọc được dữ liệu của bạn: không ghi được vào thư mục hoặc ổ đĩa chứa nó. Các đoạn tô sáng, ghi chú và cài đặt bạn thay đổi lúc này sẽ không được lưu.
recovery-title = Margin không mở được dữ liệu của bạn
recovery-file = Tệp:
recovery-not-a-file = Ở chỗ Margin lưu các đoạn tô sáng và ghi chú của bạn lại là một thư mục hoặc một liên kết hỏng, không phải tệp cơ sở dữ liệu.
recovery-folder-is-a-file = Ở chỗ thư mục dữ liệu của Margin lại là một tệp. Hãy chuyển hoặc đổi tên tệp đó, rồi thử lại.
recovery-not-a-database = Tệp Margin dùng để lưu các đoạn tô sáng và ghi chú của bạn không phải là cơ sở dữ liệu: nó trống hoặc chứa thứ khác.
recovery-damaged = Cơ sở dữ liệu chứa các đoạn tô sáng và ghi chú của bạn đã bị hỏng.
recovery-not-margins = Tệp cơ sở dữ liệu này thuộc về một chương trình khác. Margin không thay đổi nó.
recovery-too-new = Dữ liệu của bạn được lưu bởi một phiên bản Margin mới hơn (cơ sở dữ liệu phiên bản { $found }); bản này chỉ biết đến phiên bản { $supported }. Hãy cài Margin mới hơn để mở.
recovery-only-log = Cơ sở dữ liệu chứa các đoạn tô sáng và ghi chú của bạn không còn, nhưng nhật ký các thay đổi gần đây của nó (tệp có đuôi -wal) vẫn còn. Margin không động đến nó: nếu bạn đã chuyển cơ sở dữ liệu đi nơi khác, hãy đặt lại chỗ cũ, rồi thử lại.
recovery-locked = Một chương trình khác đang dùng cơ sở dữ liệu của Margin. Có thể Margin đang mở rồi: hãy đóng nó, rồi thử lại.
recovery-read-only = Margin không ghi được vào thư mục hoặc ổ đĩa chứa dữ liệu của bạn. Hãy cho phép ghi, hoặc giải phóng dung lượng, rồi thử lại.
recovery-failed = Margin không mở được cơ sở dữ liệu.
recovery-choice-fresh = Bạn có thể bắt đầu với một cơ sở dữ liệu trống: Margin giữ tệp cũ ngay bên cạnh, đổi tên kèm ngày giờ, và không bao giờ xóa nó.
recovery-choice-backup = Bạn có thể khôi phục bản sao lưu mới nhất, hoặc bắt đầu với một cơ sở dữ liệu trống: cách nào thì Margin cũng giữ tệp cũ ngay bên cạnh, đổi tên kèm ngày giờ, và không bao giờ xóa nó.
recovery-choice-keep = Margin giữ nguyên tệp như hiện tại.
recovery-fresh = Bắt đầu với cơ sở dữ liệu trống
recovery-retry = Thử lại
recovery-quit = Thoát Margin
recovery-restore = Khôi phục bản sao lưu lúc { $when }

## Thông báo

toast-cannot-open = Margin không mở được bài viết: { $error }
toast-moved-aside = Margin đã bắt đầu với một cơ sở dữ liệu trống. Tệp cũ vẫn được giữ, với tên mới: { $path }
toast-restored-aside = Margin đã khôi phục bản sao lưu lúc { $when }. Tệp không mở được vẫn được giữ, với tên mới: { $path }
toast-restored = Đã khôi phục bản sao lưu lúc { $when }. Dữ liệu trước đó được giữ trong một bản sao lưu.
toast-restored-file = Đã khôi phục bản sao lưu. Dữ liệu trước đó được giữ trong một bản sao lưu.
toast-restore-failed = Không khôi phục được: { $error }
toast-backed-up = Đã sao lưu ({ $when }).
toast-backups-failed = Sao lưu: { $error }
toast-cannot-paint = Bộ máy hiển thị web của hệ thống này không vẽ được đoạn tô sáng (cần CSS Custom Highlight API). Các đoạn tô sáng vẫn được lưu và liệt kê trong bảng bên (A).
toast-highlight-failed = Không tô sáng được: { $error }
toast-not-saved = Chưa lưu được: { $error }
toast-delete-failed = Không xóa được: { $error }
toast-highlight-deleted = Đã xóa đoạn tô sáng.
toast-undo = Hoàn tác
toast-highlight-restored = Đã khôi phục đoạn tô sáng.
toast-undo-failed = Không hoàn tác được: { $error }
toast-copied = Đã sao chép.
toast-copy-failed = Không sao chép được vào bộ nhớ tạm.
toast-copy-unavailable = Ở đây không sao chép được; hãy dùng Ctrl+C.
toast-bookmark-removed = Đã bỏ dấu trang: { $section }
toast-bookmarked-section = Đã đặt dấu trang: { $section }
toast-bookmarked-place = Đã đặt dấu trang ở chỗ này.
toast-bookmark-failed = Không đặt được dấu trang: { $error }
toast-exported = Đã xuất ra { $path }
toast-export-failed = Xuất không thành công: { $error }
toast-print-failed = Không in được: { $error }
toast-imported = Đã nhập: thêm { $added }, cập nhật { $updated }, không đổi { $unchanged }, giữ nguyên { $newer_here } vì ở đây mới hơn, không tìm thấy trong bài { $orphaned }.
toast-imported-more = Kèm theo { $bookmarks } dấu trang, { $notes } ghi chú tự do và { $settings } cài đặt và vị trí đọc.
toast-import-failed = Nhập không thành công: { $error }
toast-preference-failed = Không lưu được tùy chọn: { $error }
toast-theme = Giao diện: { $theme }
# Câu của phần lõi ($message) là tiếng Anh; đặt sau loại lỗi bằng tiếng Việt.
error-message = { $kind ->
        [invalid_input] Dữ liệu không hợp lệ
        [not_found] Không tìm thấy
        [content] Nội dung bài viết bị lỗi
        [database] Lỗi cơ sở dữ liệu
        [migration] Lỗi nâng cấp cơ sở dữ liệu
        [io] Lỗi đọc hoặc ghi tệp
        [unopenable] Không mở được cơ sở dữ liệu
       *[other] Lỗi
    } ({ $message })
