"""The header: the title, and the language switch ("УКР | ENG") and text sizes, always in reach."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from reflexmap.fast_start import set_enum
from reflexmap.i18n import Language
from reflexmap.ui import style
from reflexmap.ui.focus import keyboard_focus
from reflexmap.ui.fonts import SCALES, TextSize, make_font

__all__ = ["LANGUAGE_BUTTONS", "AboutButton", "Header", "HeaderButton"]

#: The language switch: code and label (the labels are the same in both languages).
LANGUAGE_BUTTONS = (("uk", "УКР"), ("en", "ENG"))


class HeaderButton(QPushButton):
    """A flat header button that shows, with a ring, when the keyboard is on it (Fusion draws none for flat ones).

    Only the keyboard's focus is shown: a click, a tap or the window's first
    focus leaves no ring that could pass for a second selection.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # not (text, parent): PySide6 would weigh (icon, text) and build QIcon's enums
        self.setText(text)
        self.setFlat(True)
        self._focus_shown = False

    @property
    def focus_shown(self) -> bool:
        """Whether the focus ring is drawn now."""
        return self.hasFocus() and self._focus_shown

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._focus_shown = keyboard_focus(event, self._focus_shown)
        super().focusInEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.focus_shown:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(style.FOCUS), 2.0))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 6, 6)
            painter.end()


class AboutButton(HeaderButton):
    """The About button: an "i" in a ring, drawn (the bundled font has no ⓘ, and not every machine has one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("i", parent)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        side = min(self.width(), self.height()) * 0.6
        ring = QPainterPath()
        ring.addEllipse(QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side))
        pen = QPen()  # by setters: QPen(colour, width) and setPen make PySide6 build Qt's enums (see fast_start)
        pen.setColor(self.palette().buttonText().color())
        pen.setWidthF(max(1.5, side / 14))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.strokePath(ring, pen)
        painter.end()


class Header(QWidget):
    """Title and subtitle on the left; text sizes, languages and About on the right, acting at once.

    ``about_requested`` asks the window to show what reflexmap is (the button is hidden in a kiosk).
    """

    about_requested = Signal()

    def __init__(self, language: Language, sizes: TextSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self._language = language
        self._sizes = sizes
        self._salon = ""
        self._laid_out = False
        style.tint(self, style.HEADER)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 6, 12, 6)
        self._title = QLabel()
        self._title.setObjectName("appTitle")
        set_enum(self._title, "textFormat", "PlainText")  # the salon's name: never rich text
        sizes.font(self._title, 20, bold=True)
        self._subtitle = QLabel()
        self._subtitle.setObjectName("appSubtitle")
        set_enum(self._subtitle, "textFormat", "PlainText")
        # decorative: shown only where it fits on its line (see _fit); hidden, it keeps
        # its room, so the controls never stretch into it
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setRetainSizeWhenHidden(True)
        self._subtitle.setSizePolicy(policy)
        style.colour(self._subtitle, style.MUTED)
        row.addWidget(self._title)
        row.addSpacing(12)
        row.addWidget(self._subtitle, 1)

        self._sizes_group = QButtonGroup(self)
        self._sizes_group.setExclusive(True)
        for i in range(len(SCALES)):
            button = HeaderButton("A")
            button.setObjectName(f"textSize{i}")
            button.setCheckable(True)
            button.setMinimumSize(44, 44)
            button.setFont(make_font(14 + 4 * i, bold=True))  # each shows its own size, whatever the current one
            self._sizes_group.addButton(button, i)
            row.addWidget(button)
        self._sizes_group.button(sizes.step).setChecked(True)
        self._sizes_group.idClicked.connect(sizes.set_step)
        row.addSpacing(16)

        self._languages = QButtonGroup(self)
        self._languages.setExclusive(True)
        for i, (code, text) in enumerate(LANGUAGE_BUTTONS):
            if i:
                bar = QLabel("|")
                style.colour(bar, style.MUTED)
                bar.setFont(make_font(16))
                bar.setFixedWidth(bar.sizeHint().width())
                row.addWidget(bar)
            button = HeaderButton(text)
            button.setObjectName(f"lang_{code}")
            button.setCheckable(True)
            button.setMinimumSize(56, 44)
            button.setProperty("lang", code)
            button.setFont(make_font(16, bold=True))
            self._languages.addButton(button, i)
            row.addWidget(button)
        self._languages.idClicked.connect(self._on_language_clicked)
        row.addSpacing(8)
        self._about = AboutButton()
        self._about.setObjectName("aboutButton")
        self._about.setMinimumSize(44, 44)
        self._about.setFont(make_font(17, bold=True))
        self._about.clicked.connect(self.about_requested)
        row.addWidget(self._about)
        self.installEventFilter(self)  # fit the subtitle when the header itself has its new width
        language.changed.connect(self._on_language_changed)
        sizes.changed.connect(self._on_text_size_changed)
        self._on_language_changed(language.code)

    def set_salon(self, name: str) -> None:
        """Show the salon's name as the title (kiosk), or reflexmap's own with ``""``."""
        self._salon = name
        self._on_language_changed(self._language.code)

    def set_touch(self, touch: bool) -> None:
        """Touch screens (the kiosk): every header button at least 56 px square, and no About."""
        self._about.setVisible(not touch)
        for button in self._sizes_group.buttons() + self._languages.buttons():
            button.setMinimumSize(
                max(button.minimumWidth(), 56) if touch else button.minimumWidth(), 56 if touch else 44
            )

    @property
    def title(self) -> str:
        return self._title.text()

    # --- slots ----------------------------------------------------------------------

    def _on_language_clicked(self, button_id: int) -> None:
        self._language.set(LANGUAGE_BUTTONS[button_id][0])

    def _on_text_size_changed(self, step: int) -> None:
        self._sizes_group.button(step).setChecked(True)
        self._fit()

    def _on_language_changed(self, lang: str) -> None:
        self._title.setText(self._salon or self.tr("reflexmap"))
        self._subtitle.setText(self.tr("Foot massage and reflex zones"))
        for i, button in enumerate(self._sizes_group.buttons()):
            button.setAccessibleName(self.tr("Text size {n} of 3").format(n=i + 1))
            button.setToolTip(self.tr("Text size {percent} %").format(percent=round(SCALES[i] * 100)))
        for button in self._languages.buttons():
            code = button.property("lang")
            button.setChecked(code == lang)
            button.setAccessibleName(self.tr("Ukrainian") if code == "uk" else self.tr("English"))
            button.setToolTip(
                self.tr("Show everything in Ukrainian") if code == "uk" else self.tr("Show everything in English")
            )
            style.colour(button, style.ACCENT_TEXT if code == lang else style.MUTED)
        self._about.setAccessibleName(self.tr("About reflexmap"))
        self._about.setToolTip(self.tr("About reflexmap: version, licence, where the content comes from"))
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Resize:
            self._laid_out = True
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        """Show the subtitle only when it fits beside the controls, so nothing is ever cut."""
        layout = self.layout()
        if layout is None or not self._laid_out:  # before its first size: fitted when it gets one
            return
        margins = layout.contentsMargins()
        used = margins.left() + margins.right()
        count = 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None or item.widget() is self._subtitle:
                continue
            used += item.sizeHint().width()
            count += 1
        available = self.width() - used - layout.spacing() * count
        self._subtitle.setVisible(self._subtitle.sizeHint().width() <= available)
