"""--print-posters: a printable HTML poster per place (sights, specialties, buses, ...) with a QR
code linking to the place's page in the language chosen for the visitors who will read it."""
import html
import os

from . import page_text, qr, routes

SCAN = {
    "vi": "Quét mã QR để xem thông tin, địa chỉ và giờ mở cửa trên điện thoại.",
    "en": "Scan the QR code for details, address and opening hours on your phone.",
    "ko": "QR 코드를 스캔하면 휴대폰에서 자세한 정보와 주소, 운영 시간을 볼 수 있습니다.",
    "zh": "扫描二维码，在手机上查看详情、地址和开放时间。",
    "ja": "QRコードを読み取ると、スマートフォンで詳細・住所・営業時間を見られます。",
}
STYLE = ("@page{size:A4;margin:15mm}body{font-family:'Noto Sans','Noto Sans CJK JP',sans-serif;"
         "max-width:180mm;margin:0 auto;color:#111}h1{font-size:30pt;margin:0 0 4mm}"
         ".vi{font-size:16pt;color:#444;margin:0 0 6mm}p,address,dl{font-size:14pt}"
         "figure{margin:10mm 0 0;text-align:center}figure img{width:90mm;height:90mm}"
         "figcaption{font-size:14pt}.url{font-family:monospace;font-size:11pt;word-break:break-all}")


def poster_html(place, url, lang):
    e = html.escape
    page = page_text.place_page(place, lang)
    vi_name = "" if lang == "vi" else f'<p class="vi" lang="vi">{e(place["name_vi"])}</p>'
    body = page.body.replace("</h1>", "</h1>" + vi_name, 1)
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{e(page.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
            f'<figure><img src="{qr.data_uri(url)}" alt="QR: {e(url)}">\n'
            f'<figcaption>{e(SCAN[lang])}<br><span class="url">{e(url)}</span></figcaption></figure>\n'
            "</body>\n</html>\n")


def print_posters(store, out_dir, base_url, lang):
    if not qr.available():
        return 1
    os.makedirs(out_dir, exist_ok=True)
    places = store.list_places()
    for p in places:
        url = base_url.rstrip("/") + routes.url("place", kind=p["kind"], id=p["id"], lang=lang)
        with open(os.path.join(out_dir, f"{p['kind']}-{p['id']}.html"), "w", encoding="utf-8") as f:
            f.write(poster_html(p, url, lang))
    print(f"Wrote {len(places)} posters ({lang}) to {out_dir}")
    return 0
