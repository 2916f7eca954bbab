<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AttractOverlay</name>
    <message>
        <source>Touch the foot to explore</source>
        <translation>Торкніться стопи, щоб дізнатися більше</translation>
    </message>
    <message>
        <source>Book from your phone</source>
        <translation>Запис — з вашого телефона</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Guided routines</source>
        <extracomment>The Fit-my-time choices, in minutes (None: as the routine is written).</extracomment>
        <translation>Програми з підказками</translation>
    </message>
    <message>
        <source>Fit my time</source>
        <translation>Під мій час</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Почати</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>Як є</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} хв</translation>
    </message>
    <message>
        <source>Other length (minutes):</source>
        <translation>Інша тривалість (хв):</translation>
    </message>
    <message>
        <source>Some routine files were skipped:</source>
        <translation>Деякі файли програм пропущено:</translation>
    </message>
    <message>
        <source>nothing but your hands</source>
        <translation>лише ваші руки</translation>
    </message>
    <message>
        <source>You need: {things}</source>
        <translation>Знадобиться: {things}</translation>
    </message>
    <message>
        <source>No routine is available.</source>
        <translation>Немає жодної програми.</translation>
    </message>
    <message>
        <source>Length: {time}</source>
        <translation>Тривалість: {time}</translation>
    </message>
    <message>
        <source>(plus the steps you finish yourself)</source>
        <translation>(і кроки, які ви завершуєте самі)</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Well done!</source>
        <translation>Чудово!</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Ще раз</translation>
    </message>
    <message>
        <source>Choose another routine</source>
        <translation>Обрати іншу програму</translation>
    </message>
    <message>
        <source>on the right foot, then the left</source>
        <translation>на правій стопі, потім на лівій</translation>
    </message>
    <message>
        <source>on the left foot, then the right</source>
        <translation>на лівій стопі, потім на правій</translation>
    </message>
    <message>
        <source>on the right foot</source>
        <translation>на правій стопі</translation>
    </message>
    <message>
        <source>on the left foot</source>
        <translation>на лівій стопі</translation>
    </message>
    <message>
        <source>{routine}: {n} steps {feet} in {time}.</source>
        <translation>{routine}: кроків — {n}, {feet}, за {time}.</translation>
    </message>
    <message>
        <source>{n} skipped.</source>
        <translation>Пропущено: {n}.</translation>
    </message>
    <message>
        <source>Zones worked: {zones}</source>
        <translation>Опрацьовані зони: {zones}</translation>
    </message>
</context>
<context>
    <name>FootMap</name>
    <message>
        <source>Foot map</source>
        <extracomment>One slow breath of the guide highlight, redrawn about seven times a second: the tint moves at most a few colour levels a frame, and each frame is a repaint of the zone (most of the CPU a counting routine uses).</extracomment>
        <translation>Карта стопи</translation>
    </message>
    <message>
        <source>Zones of the feet. Use the arrow keys to move between zones and Enter to choose one.</source>
        <translation>Зони стоп. Стрілками переходьте між зонами, клавішею Enter обирайте.</translation>
    </message>
    <message>
        <source>Left foot, sole</source>
        <translation>Ліва стопа, підошва</translation>
    </message>
    <message>
        <source>Right foot, sole</source>
        <translation>Права стопа, підошва</translation>
    </message>
    <message>
        <source>Inner side of the foot</source>
        <translation>Внутрішній бік стопи</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>reflexmap</source>
        <extracomment>The language switch: code and label (the labels are the same in both languages).</extracomment>
        <translation>reflexmap</translation>
    </message>
    <message>
        <source>Foot massage and reflex zones</source>
        <translation>Масаж стоп і рефлекторні зони</translation>
    </message>
    <message>
        <source>Text size {n} of 3</source>
        <translation>Розмір тексту {n} з 3</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Розмір тексту</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Українська</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Англійська</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Point at a zone, or tap it to read more.</source>
        <extracomment>Qt&apos;s own limit for a widget&apos;s size: no maximum.</extracomment>
        <translation>Наведіть на зону або торкніться її, щоб дізнатися більше.</translation>
    </message>
    <message>
        <source>reflexmap — foot massage map</source>
        <translation>reflexmap — карта масажу стоп</translation>
    </message>
    <message>
        <source>Foot map</source>
        <translation>Карта стопи</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Програми</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>No staff PIN is set in the config file.</source>
        <translation>У файлі налаштувань не задано PIN-код персоналу.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Перевірка…</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>
            <numerusform>Забагато хибних спроб. Спробуйте знову через %n секунду.</numerusform>
            <numerusform>Забагато хибних спроб. Спробуйте знову через %n секунди.</numerusform>
            <numerusform>Забагато хибних спроб. Спробуйте знову через %n секунд.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Tries left: %n.</source>
        <translation>
            <numerusform>Хибний PIN-код. Залишилася %n спроба.</numerusform>
            <numerusform>Хибний PIN-код. Залишилося %n спроби.</numerusform>
            <numerusform>Хибний PIN-код. Залишилося %n спроб.</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN-код персоналу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>PlayPage</name>
    <message>
        <source>until done</source>
        <translation>до готовності</translation>
    </message>
    <message>
        <source>Get ready — first step</source>
        <translation>Приготуйтеся — перший крок</translation>
    </message>
    <message>
        <source>Paused — step {n} of {m}</source>
        <translation>Пауза — крок {n} з {m}</translation>
    </message>
    <message>
        <source>Step {n} of {m}</source>
        <translation>Крок {n} з {m}</translation>
    </message>
    <message>
        <source>Next: {text}</source>
        <translation>Далі: {text}</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Останній крок</translation>
    </message>
    <message>
        <source>Now the left foot</source>
        <translation>Тепер ліва стопа</translation>
    </message>
    <message>
        <source>Now the right foot</source>
        <translation>Тепер права стопа</translation>
    </message>
    <message>
        <source>Done?</source>
        <translation>Готово?</translation>
    </message>
    <message>
        <source>{time} left in the routine</source>
        <translation>До кінця програми: {time}</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Далі ▶</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Спочатку</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Звук вимкнено</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Звук увімкнено</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Left foot</source>
        <translation>Ліва стопа</translation>
    </message>
    <message>
        <source>Right foot</source>
        <translation>Права стопа</translation>
    </message>
    <message>
        <source>Both feet</source>
        <translation>Обидві стопи</translation>
    </message>
</context>
<context>
    <name>RoutineTab</name>
    <message>
        <source>A massage routine is playing</source>
        <translation>Триває програма масажу</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>None of these apply to me — start</source>
        <translation>Це не про мене — почати</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Before you start: {name}</source>
        <translation>Перед початком: {name}</translation>
    </message>
    <message>
        <source>Recommended for:</source>
        <translation>Рекомендовано при:</translation>
    </message>
    <message>
        <source>Please do not do this routine if you have:</source>
        <translation>Будь ласка, не виконуйте цю програму, якщо у вас:</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Running for {h} h {m} min</source>
        <translation>Працює {h} год {m} хв</translation>
    </message>
    <message>
        <source>Memory in use: {mib} MiB</source>
        <translation>Використано памʼяті: {mib} МіБ</translation>
    </message>
    <message>
        <source>This is the first run on this computer.</source>
        <translation>Це перший запуск на цьому компʼютері.</translation>
    </message>
    <message>
        <source>Last start: {when}; it ended with: {why}</source>
        <translation>Попередній запуск: {when}; завершився так: {why}</translation>
    </message>
    <message>
        <source>Errors since start: {n}</source>
        <translation>Помилок від запуску: {n}</translation>
    </message>
    <message>
        <source>New content is ready: it shows when you leave this panel.</source>
        <translation>Новий вміст готовий: він зʼявиться, щойно ви вийдете з панелі.</translation>
    </message>
    <message numerus="yes">
        <source>%n more in the log and in `reflexmap check`.</source>
        <translation>
            <numerusform>Ще %n проблема — у журналі та в «reflexmap check».</numerusform>
            <numerusform>Ще %n проблеми — у журналі та в «reflexmap check».</numerusform>
            <numerusform>Ще %n проблем — у журналі та в «reflexmap check».</numerusform>
        </translation>
    </message>
    <message>
        <source>a clean stop</source>
        <translation>звичайна зупинка</translation>
    </message>
    <message>
        <source>staff exit</source>
        <translation>вихід через панель персоналу</translation>
    </message>
    <message>
        <source>staff restart</source>
        <translation>перезапуск через панель персоналу</translation>
    </message>
    <message>
        <source>a crash</source>
        <translation>збій</translation>
    </message>
    <message>
        <source>the watchdog (the window froze)</source>
        <translation>сторожовий таймер (вікно зависло)</translation>
    </message>
    <message>
        <source>a power cut</source>
        <translation>вимкнення живлення</translation>
    </message>
    <message>
        <source>Staff panel</source>
        <translation>Панель персоналу</translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation>Оновити вміст</translation>
    </message>
    <message>
        <source>Restart reflexmap</source>
        <translation>Перезапустити</translation>
    </message>
    <message>
        <source>Back to visitors</source>
        <translation>До відвідувачів</translation>
    </message>
    <message>
        <source>Exit reflexmap</source>
        <translation>Закрити reflexmap</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Ви ще тут?</translation>
    </message>
    <message>
        <source>Touch anywhere to keep going.</source>
        <translation>Торкніться будь-де, щоб продовжити.</translation>
    </message>
</context>
<context>
    <name>ZonePanel</name>
    <message>
        <source>← All zones</source>
        <extracomment>Kept for its width: asking Qt for viewport(), a widget Python has not seen yet, makes PySide6 load every QtWidgets class (see fast_start).</extracomment>
        <translation>← Усі зони</translation>
    </message>
    <message>
        <source>Shows the zone for {part}</source>
        <translation>Показує зону для: {part}</translation>
    </message>
    <message>
        <source>Corresponds to</source>
        <translation>Відповідність</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Техніка</translation>
    </message>
    <message>
        <source>Pressure</source>
        <translation>Натиск</translation>
    </message>
    <message>
        <source>Take care</source>
        <translation>Застереження</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>a DTD (&lt;!DOCTYPE ...&gt;)</source>
        <translation>оголошення DTD (&lt;!DOCTYPE ...&gt;)</translation>
    </message>
    <message>
        <source>a reference to an external file</source>
        <translation>посилання на зовнішній файл</translation>
    </message>
    <message>
        <source>a routine needs at least one step</source>
        <translation>у програмі має бути хоча б один крок</translation>
    </message>
    <message>
        <source>a zone needs at least one technique step</source>
        <translation>для зони потрібен хоча б один крок техніки</translation>
    </message>
    <message>
        <source>an &lt;!ENTITY&gt; declaration</source>
        <translation>оголошення &lt;!ENTITY&gt;</translation>
    </message>
    <message>
        <source>an unsafe XML construct</source>
        <translation>небезпечну конструкцію XML</translation>
    </message>
    <message>
        <source>expected {expected}, got {got}</source>
        <translation>очікувалося {expected}, а вказано {got}</translation>
    </message>
    <message>
        <source>missing field {field}</source>
        <translation>бракує поля {field}</translation>
    </message>
    <message>
        <source>the English text (en) is empty</source>
        <translation>англійський текст (en) порожній</translation>
    </message>
    <message>
        <source>the English text (en) is longer than {limit} characters</source>
        <translation>англійський текст (en) довший за {limit} символів</translation>
    </message>
    <message>
        <source>the Ukrainian text (uk) is empty</source>
        <translation>український текст (uk) порожній</translation>
    </message>
    <message>
        <source>the Ukrainian text (uk) is longer than {limit} characters</source>
        <translation>український текст (uk) довший за {limit} символів</translation>
    </message>
    <message>
        <source>is not a number of seconds</source>
        <translation>це не кількість секунд</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>довше за {limit} символів</translation>
    </message>
    <message>
        <source>is not a PIN hash made by `reflexmap hash-pin`</source>
        <translation>це не хеш PIN-коду від `reflexmap hash-pin`</translation>
    </message>
    <message>
        <source>must be 1, 2 or 3 (it is {value})</source>
        <translation>має бути 1, 2 або 3 (зараз {value})</translation>
    </message>
    <message>
        <source>must be a web address starting with https:// (at most 300 characters)</source>
        <translation>має бути вебадресою, що починається з https:// (щонайбільше 300 символів)</translation>
    </message>
    <message>
        <source>must be between {low} and {high} seconds (it is {value:g})</source>
        <translation>має бути від {low} до {high} секунд (зараз {value:g})</translation>
    </message>
    <message>
        <source>must be more than 0 seconds (it is {value:g})</source>
        <translation>має бути більше 0 секунд (зараз {value:g})</translation>
    </message>
    <message>
        <source>name at least one zone</source>
        <translation>вкажіть хоча б одну зону</translation>
    </message>
    <message>
        <source>no such file {path}</source>
        <translation>немає файлу {path}</translation>
    </message>
    <message>
        <source>{count} steps is too many; at most {limit}</source>
        <translation>{count} кроків — забагато; щонайбільше {limit}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{file}: a &lt;use&gt; refers to itself or the nesting is too deep.</source>
        <translation>{file}: елемент &lt;use&gt; посилається сам на себе або вкладеність завелика.</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({detail}).</source>
        <translation>{file}: не вдається прочитати ({detail}).</translation>
    </message>
    <message>
        <source>{file}: data-zone names not known to reflexmap are ignored: {names}.</source>
        <translation>{file}: невідомі reflexmap назви data-zone пропущено: {names}.</translation>
    </message>
    <message>
        <source>{file}: element &quot;{element}&quot; has a coordinate that is not a usable number ({x:g}, {y:g}).</source>
        <translation>{file}: елемент &quot;{element}&quot; має непридатну координату ({x:g}, {y:g}).</translation>
    </message>
    <message>
        <source>{file}: elements are nested more than {limit} deep.</source>
        <translation>{file}: елементи вкладено глибше ніж на {limit} рівнів.</translation>
    </message>
    <message>
        <source>{file}: field body_index[{i}].zone: there is no zone {zone!r}.</source>
        <translation>{file}: поле body_index[{i}].zone: немає зони {zone!r}.</translation>
    </message>
    <message>
        <source>{file}: field zones: no entry for {zones}.</source>
        <translation>{file}: поле zones: немає опису для {zones}.</translation>
    </message>
    <message>
        <source>{file}: field zones[{i}].id: zone {zone!r} appears twice.</source>
        <translation>{file}: поле zones[{i}].id: зона {zone!r} трапляється двічі.</translation>
    </message>
    <message>
        <source>{file}: field zones[{i}].id: {zone!r} is not one of {choices}.</source>
        <translation>{file}: поле zones[{i}].id: {zone!r} — має бути одне з: {choices}.</translation>
    </message>
    <message>
        <source>{file}: field {field}: {problem}.</source>
        <translation>{file}: поле {field}: {problem}.</translation>
    </message>
    <message>
        <source>{file}: line {line} is not UTF-8 text; save the file as UTF-8.</source>
        <translation>{file}: рядок {line} не в кодуванні UTF-8; збережіть файл як UTF-8.</translation>
    </message>
    <message>
        <source>{file}: line {line}, field {field}: reflexmap has no such setting.</source>
        <translation>{file}: рядок {line}, поле {field}: у reflexmap немає такого налаштування.</translation>
    </message>
    <message>
        <source>{file}: line {line}, field {field}: {problem}.</source>
        <translation>{file}: рядок {line}, поле {field}: {problem}.</translation>
    </message>
    <message>
        <source>{file}: no element has a data-zone attribute, so there is nothing to touch.</source>
        <translation>{file}: жоден елемент не має атрибута data-zone, тож торкатися нічого.</translation>
    </message>
    <message>
        <source>{file}: no such file ({path}).</source>
        <translation>{file}: такого файлу немає ({path}).</translation>
    </message>
    <message>
        <source>{file}: none of its data-zone names ({names}) is a zone reflexmap knows.</source>
        <translation>{file}: жодна з назв data-zone ({names}) не є зоною, яку знає reflexmap.</translation>
    </message>
    <message>
        <source>{file}: not valid TOML ({detail}).</source>
        <translation>{file}: помилка в TOML ({detail}).</translation>
    </message>
    <message>
        <source>{file}: path {element} has unreadable data in its &quot;d&quot; attribute near &quot;{near}&quot;.</source>
        <translation>{file}: у шляху {element} атрибут &quot;d&quot; містить незрозумілі дані біля &quot;{near}&quot;.</translation>
    </message>
    <message>
        <source>{file}: step {step}, field {field}: {problem}.</source>
        <translation>{file}: крок {step}, поле {field}: {problem}.</translation>
    </message>
    <message>
        <source>{file}: step {step}: {problem}.</source>
        <translation>{file}: крок {step}: {problem}.</translation>
    </message>
    <message>
        <source>{file}: svgelements could not read the drawing ({detail}).</source>
        <translation>{file}: svgelements не зміг прочитати малюнок ({detail}).</translation>
    </message>
    <message>
        <source>{file}: the drawing has more than {limit} elements.</source>
        <translation>{file}: у малюнку понад {limit} елементів.</translation>
    </message>
    <message>
        <source>{file}: the drawing has no usable width and height.</source>
        <translation>{file}: у малюнку немає придатних ширини й висоти.</translation>
    </message>
    <message>
        <source>{file}: the drawing&apos;s width or height is absurdly large.</source>
        <translation>{file}: ширина чи висота малюнка неймовірно велика.</translation>
    </message>
    <message>
        <source>{file}: the file contains {what}, which reflexmap refuses for safety; remove it.</source>
        <translation>{file}: файл містить {what}; з міркувань безпеки reflexmap такого не приймає — приберіть це.</translation>
    </message>
    <message>
        <source>{file}: the file has no &lt;svg&gt; drawing in it.</source>
        <translation>{file}: у файлі немає малюнка &lt;svg&gt;.</translation>
    </message>
    <message>
        <source>{file}: the file is nested too deeply to read.</source>
        <translation>{file}: вкладеність у файлі завелика, щоб його прочитати.</translation>
    </message>
    <message>
        <source>{file}: the file is not well-formed XML ({detail}).</source>
        <translation>{file}: файл не є коректним XML ({detail}).</translation>
    </message>
    <message>
        <source>{file}: the file is {size:,} bytes; the limit is {limit:,}.</source>
        <translation>{file}: розмір файлу {size:,} байтів; межа — {limit:,}.</translation>
    </message>
    <message>
        <source>{file}: the top element is &lt;{tag}&gt;, not &lt;svg&gt;.</source>
        <translation>{file}: верхній елемент — &lt;{tag}&gt;, а не &lt;svg&gt;.</translation>
    </message>
    <message>
        <source>{file}: the viewBox has zero width or height.</source>
        <translation>{file}: viewBox має нульову ширину чи висоту.</translation>
    </message>
    <message>
        <source>{file}: this is a folder, not a file.</source>
        <translation>{file}: це тека, а не файл.</translation>
    </message>
    <message>
        <source>{file}: {problem}.</source>
        <translation>{file}: {problem}.</translation>
    </message>
    <message>
        <source>{folder}: --routines names no folder.</source>
        <translation>{folder}: у --routines вказано не теку.</translation>
    </message>
    <message>
        <source>{foot!r} is not one of left, right, both, none</source>
        <translation>{foot!r} — має бути left, right, both або none</translation>
    </message>
    <message>
        <source>{problem} Showing the built-in feet instead.</source>
        <translation>{problem} Натомість показуємо вбудований малюнок стоп.</translation>
    </message>
    <message>
        <source>{problem} The previous content stays on screen.</source>
        <translation>{problem} На екрані лишається попередній вміст.</translation>
    </message>
    <message>
        <source>{problem} Using the built-in content.</source>
        <translation>{problem} Використовуємо вбудований вміст.</translation>
    </message>
    <message>
        <source>{problem} Using the default settings.</source>
        <translation>{problem} Використовуємо типові налаштування.</translation>
    </message>
    <message>
        <source>{value!r} is neither a number of seconds nor &quot;until-done&quot;</source>
        <translation>{value!r} — це не кількість секунд і не &quot;until-done&quot;</translation>
    </message>
    <message>
        <source>{value!r} is not a colour like &quot;#c8553d&quot;</source>
        <translation>{value!r} — це не колір на кшталт &quot;#c8553d&quot;</translation>
    </message>
    <message>
        <source>{value!r} is not a zone id (lower-case letters, digits and dashes)</source>
        <translation>{value!r} — не ідентифікатор зони (малі латинські літери, цифри й дефіси)</translation>
    </message>
    <message>
        <source>{value!r} is not one of {choices}</source>
        <translation>{value!r} — має бути одне з: {choices}</translation>
    </message>
    <message>
        <source>{value:g} seconds is too long; a step lasts at most {limit}</source>
        <translation>{value:g} секунд — забагато; крок триває щонайбільше {limit}</translation>
    </message>
    <message>
        <source>{value} is not a screen number (0 is the first)</source>
        <translation>{value} — це не номер екрана (перший — 0)</translation>
    </message>
    <message>
        <source>{zone!r} is not a zone reflexmap knows ({choices})</source>
        <translation>reflexmap не знає зони {zone!r} (можна: {choices})</translation>
    </message>
</context>
</TS>
