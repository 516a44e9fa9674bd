"""GET /orders/{orderId}/invoice: the order's invoice as a one-page PDF.

The API lists application/pdf among its binaryMediaTypes, so API Gateway turns
the base64 body returned here back into bytes for the client.
"""

import base64

from .common import TABLE, fail


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf(lines: list[str]) -> bytes:
    """A minimal PDF 1.4 document: one A4 page of Helvetica text."""
    text = "BT /F1 11 Tf 56 780 Td 14 TL " + " ".join(f"({_escape(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text.encode('latin-1', 'replace'))} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1", "replace")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _money(money: dict) -> str:
    return f"{int(money['amount']) / 100:.2f} {money['currency']}"


def get_invoice(event, context):
    order_id = event["pathParameters"]["orderId"]
    order = TABLE.get_item(Key={"id": order_id}).get("Item")
    if order is None:
        return fail(event, 404, "NOT_FOUND", f"no order {order_id}")
    lines = [f"Invoice for order {order_id}", f"Date: {order['createdAt'][:10]}", ""]
    for line in order["lines"]:
        lines.append(f"{int(line['quantity'])} x {line['sku']}  {_money(line['unitPrice'])}")
    lines += ["", f"Total: {_money(order['total'])}"]
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/pdf", "Content-Disposition": f'inline; filename="{order_id}.pdf"'},
        "isBase64Encoded": True,
        "body": base64.b64encode(_pdf(lines)).decode(),
    }
