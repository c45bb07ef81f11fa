// The scanner session: the camera's life, its controls and what a decoded text is.
#include "app/scanner.h"
#include "core/receipt_payload.h"
#include "platform/host.h"
#include "platform/scanner_events.h"

namespace motcua {

void Scanner::installHandlers() {
    scanner::Events& e = scanner::events();
    e.state = [this](scanner::State state, const std::string&) {
        if (state == scanner::State::Running && m_state.scan.state != scanner::State::Running)
            m_state.scan.pacer.start(host::nowMs());
        m_state.scan.state = state;
        if (state != scanner::State::Running) m_state.scan.torchOn = false;
    };
    e.caps = [this](bool torch, bool switchable, int w, int h) {
        m_state.scan.canTorch = torch;
        m_state.scan.canSwitch = switchable;
        m_state.scan.videoWidth = w;
        m_state.scan.videoHeight = h;
    };
    e.result = [this](const std::string& text, const std::array<float, 8>* corners,
                      scanner::Source source) { onResult(text, corners, source); };
    e.frameWanted = [this] {
        ScanPacer& pacer = m_state.scan.pacer;
        const double now = host::nowMs();
        if (m_state.scan.state != scanner::State::Running || !pacer.frameWanted(now)) return false;
        pacer.frameSent(now);
        return true;
    };
    e.frameDone = [this](double decodeMs, bool found) {
        m_state.scan.pacer.frameDone(host::nowMs(), decodeMs, found);
    };
    e.photoFailed = [this] {
        m_state.scan.photoFailed = true;
        m_state.scan.notReceipt.clear();
        m_state.scan.paymentCode = false;
    };
}

void Scanner::open() {
    ScanView& s = m_state.scan;
    s = ScanView{};
    s.state = scanner::State::Starting;
    s.texture = scanner::createPreviewTexture();
    scanner::open(s.texture);
}

void Scanner::toggleTorch() {
    m_state.scan.torchOn = !m_state.scan.torchOn;
    scanner::setTorch(m_state.scan.torchOn);
}

void Scanner::switchCamera() {
    scanner::switchCamera();
}

void Scanner::pickPhoto() {
    m_state.scan.photoFailed = false;
    scanner::pickPhoto();
}

void Scanner::close() {
    if (m_state.scan.state != scanner::State::Idle) scanner::close();
    m_state.scan.state = scanner::State::Idle;
}

void Scanner::onResult(const std::string& text, const std::array<float, 8>* corners,
                       scanner::Source source) {
    ScanView& s = m_state.scan;
    const ReceiptPayload payload = parseReceiptPayload(text);
    if (corners) {
        s.corners = *corners;
        s.cornersAtMs = host::nowMs();
        s.cornersOk = payload.kind == PayloadKind::Receipt;
    }
    // The camera reads a code in view frame after frame: only news goes on (the outline above
    // follows it all the same). A photo or a USB scan is always a deliberate act.
    if (source == scanner::Source::Camera && !s.pacer.accept(text, host::nowMs())) return;
    if (payload.kind != PayloadKind::Receipt) {
        if (payload.kind == PayloadKind::Empty) return;
        // A payment code (a fee's VietQR shown from another phone, a shop's QR) is told apart:
        // the citizen sees what it asks to pay, not an error.
        const ScannedCode scanned = classifyScan(text);
        s.notReceipt = payload.raw;
        s.paymentCode = scanned.kind == ScanKind::Payment;
        s.payment = scanned.payment;
        s.paymentError = scanned.paymentError;
        s.photoFailed = false;
        if (source == scanner::Source::KeyboardScanner && m_state.screen != Screen::Scan)
            m_state.notice = payload.raw;
        return;
    }
    host::vibrate(60);
    m_state.notice.clear();
    close();
    m_state.page.leaveFields();
    if (onReceipt) onReceipt(payload.code, payload.secret);
}

} // namespace motcua
