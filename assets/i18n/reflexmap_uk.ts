<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About reflexmap</source>
        <translation>Про reflexmap</translation>
    </message>
    <message>
        <source>reflexmap {version}</source>
        <translation>reflexmap {version}</translation>
    </message>
    <message>
        <source>A map of the foot&apos;s reflex zones and a guide to self-massage, in Ukrainian and English.</source>
        <translation>Карта рефлекторних зон стопи й посібник із самомасажу українською та англійською.</translation>
    </message>
    <message>
        <source>Its texts retell, in its own words, an article on foot massage and reflex zones; they claim nothing the article does not.</source>
        <translation>Його тексти своїми словами переказують статтю про масаж стоп і рефлекторні зони й не стверджують нічого понад неї.</translation>
    </message>
    <message>
        <source>reflexmap is free software under the MIT licence.</source>
        <translation>reflexmap — вільна програма за ліцензією MIT.</translation>
    </message>
    <message>
        <source>Its font is Noto Sans, under the SIL Open Font License 1.1 (assets/fonts/OFL.txt).</source>
        <translation>Шрифт — Noto Sans за ліцензією SIL Open Font License 1.1 (assets/fonts/OFL.txt).</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <source>Touch the foot to explore</source>
        <translation>Торкніться стопи, щоб дізнатися більше</translation>
    </message>
    <message>
        <source>Book from your phone</source>
        <translation>Запишіться з телефону</translation>
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
        <translation>Підлаштувати під мій час</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Почати</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>Як у програмі</translation>
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
    <message numerus="yes">
        <source>%n step</source>
        <translation>
            <numerusform>%n крок</numerusform>
            <numerusform>%n кроки</numerusform>
            <numerusform>%n кроків</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n крок</numerusform>
            <numerusform>%n кроки</numerusform>
            <numerusform>%n кроків</numerusform>
        </translation>
    </message>
    <message>
        <source>{steps} {feet} in {time}.</source>
        <translation>{steps} {feet} за {time}.</translation>
    </message>
    <message numerus="yes">
        <source>%n step skipped.</source>
        <translation>
            <numerusform>%n крок пропущено.</numerusform>
            <numerusform>%n кроки пропущено.</numerusform>
            <numerusform>%n кроків пропущено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n крок пропущено.</numerusform>
            <numerusform>%n кроки пропущено.</numerusform>
            <numerusform>%n кроків пропущено.</numerusform>
        </translation>
    </message>
    <message>
        <source>Zones worked: {zones}</source>
        <translation>Опрацьовані зони: {zones}</translation>
    </message>
</context>
<context>
    <name>Feet</name>
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
    <name>FootMap</name>
    <message>
        <source>Foot map</source>
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
        <source>Foot from the big-toe side</source>
        <translation>Стопа з боку великого пальця</translation>
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
        <source>Text size {percent} %</source>
        <translation>Розмір тексту {percent} %</translation>
    </message>
    <message>
        <source>Show everything in Ukrainian</source>
        <translation>Показувати все українською</translation>
    </message>
    <message>
        <source>Show everything in English</source>
        <translation>Показувати все англійською</translation>
    </message>
    <message>
        <source>About reflexmap</source>
        <translation>Про reflexmap</translation>
    </message>
    <message>
        <source>About reflexmap: version, licence, where the content comes from</source>
        <translation>Про reflexmap: версія, ліцензія, звідки взято вміст</translation>
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
        <extracomment>What a key shows, where it is not its own name: the bundled font has no ✓ (and not every machine has one).</extracomment>
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
    <name>PlayControls</name>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Назад</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Далі ›</translation>
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
        <translation>Почати знову</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Зупинити</translation>
    </message>
    <message>
        <source>No voice for this language</source>
        <translation>Немає голосу для цієї мови</translation>
    </message>
    <message>
        <source>Voice on</source>
        <translation>Голос увімкнено</translation>
    </message>
    <message>
        <source>Voice off</source>
        <translation>Голос вимкнено</translation>
    </message>
    <message>
        <source>Read each step aloud as it starts</source>
        <translation>Зачитувати кожен крок уголос, коли він починається</translation>
    </message>
    <message>
        <source>No sound device</source>
        <translation>Немає звукового пристрою</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Звук вимкнено</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Звук увімкнено</translation>
    </message>
</context>
<context>
    <name>RoutineBar</name>
    <message>
        <source>step {n} of {m}</source>
        <translation>крок {n} з {m}</translation>
    </message>
    <message>
        <source>The routine is paused: {step}</source>
        <translation>Програму призупинено: {step}</translation>
    </message>
    <message>
        <source>A routine is on: {step}{when}</source>
        <translation>Триває програма: {step}{when}</translation>
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
        <source>Back to the routine</source>
        <translation>До програми</translation>
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
        <translation>У мене цього немає — почати</translation>
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
        <translation>Будь ласка, не виконуйте цю програму, якщо у вас є:</translation>
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
    <name>StepList</name>
    <message>
        <source>until done</source>
        <translation>доки не натиснете «Готово»</translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message>
        <source>Get ready — first step</source>
        <extracomment>The countdown&apos;s smallest size at 100 % text (it grows with the page from there). The countdown&apos;s size per pixel of the page&apos;s height at 100 % text: its digits a tenth of a full-screen window. The instruction&apos;s size per pixel of the page&apos;s height at 100 % text (never below twice the body text).</extracomment>
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
        <source>Done</source>
        <translation>Готово</translation>
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
    <name>StopQuestion</name>
    <message>
        <source>Stop the routine?</source>
        <translation>Зупинити програму?</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Зупинити</translation>
    </message>
</context>
<context>
    <name>ZonePanel</name>
    <message>
        <source>‹ All zones</source>
        <extracomment>Kept for its width: asking Qt for viewport(), a widget Python has not seen yet, makes PySide6 load every QtWidgets class (see fast_start).</extracomment>
        <translation>‹ Усі зони</translation>
    </message>
    <message>
        <source>Shows the zone for {part}</source>
        <translation>Показує зону для: {part}</translation>
    </message>
    <message>
        <source>About this zone</source>
        <translation>Про цю зону</translation>
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
        <translation>в англійському тексті (en) символів понад {limit}</translation>
    </message>
    <message>
        <source>the Ukrainian text (uk) is empty</source>
        <translation>український текст (uk) порожній</translation>
    </message>
    <message>
        <source>the Ukrainian text (uk) is longer than {limit} characters</source>
        <translation>в українському тексті (uk) символів понад {limit}</translation>
    </message>
    <message>
        <source>is not a number of seconds</source>
        <translation>це не кількість секунд</translation>
    </message>
    <message>
        <source> (zone {zones})</source>
        <translation> (зона {zones})</translation>
    </message>
    <message>
        <source> on view &quot;{view}&quot;</source>
        <translation> (вигляд «{view}»)</translation>
    </message>
    <message>
        <source>!important</source>
        <translation>!important</translation>
    </message>
    <message>
        <source>&quot;d&quot; attribute</source>
        <translation>атрибуті «d»</translation>
    </message>
    <message>
        <source>&quot;points&quot; attribute</source>
        <translation>атрибуті «points»</translation>
    </message>
    <message>
        <source>, because of something reflexmap cannot name: compare the drawing in a browser and in reflexmap</source>
        <translation>, а причину reflexmap назвати не може: порівняйте малюнок у браузері й у reflexmap</translation>
    </message>
    <message>
        <source>a DTD with declarations in it (&lt;!DOCTYPE ... [...]&gt;)</source>
        <translation>DTD з оголошеннями всередині (&lt;!DOCTYPE ... [...]&gt;)</translation>
    </message>
    <message>
        <source>a comment</source>
        <translation>коментар</translation>
    </message>
    <message>
        <source>a custom property (var())</source>
        <translation>власну властивість (var())</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>пристрій</translation>
    </message>
    <message>
        <source>a link to a style sheet (&lt;?xml-stylesheet?&gt;)</source>
        <translation>посилання на таблицю стилів (&lt;?xml-stylesheet?&gt;)</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>іменований канал (FIFO)</translation>
    </message>
    <message>
        <source>a processing instruction (&lt;?...?&gt;)</source>
        <translation>інструкція обробки (&lt;?...?&gt;)</translation>
    </message>
    <message>
        <source>a reference to an entity (&amp;{entity};)</source>
        <translation>посилання на сутність (&amp;{entity};)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>сокет</translation>
    </message>
    <message>
        <source>a style sheet taken from elsewhere (@import)</source>
        <translation>таблиця стилів, узята деінде (@import)</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>символьне посилання</translation>
    </message>
    <message>
        <source>an @media rule</source>
        <translation>правило @media</translation>
    </message>
    <message>
        <source>an attribute selector ({selector})</source>
        <translation>селектор атрибута ({selector})</translation>
    </message>
    <message>
        <source>asks for {rounds:,} rounds, more than {limit:,} (each PIN check would freeze the kiosk); make a new one with `reflexmap hash-pin`</source>
        <translation>кількість раундів ({rounds:,}) більша за {limit:,} (кожна перевірка PIN-коду зупиняла б кіоск); створіть новий командою «reflexmap hash-pin»</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>символів понад {limit}</translation>
    </message>
    <message>
        <source>is not a PIN hash made by `reflexmap hash-pin`</source>
        <translation>це не хеш PIN-коду, створений командою «reflexmap hash-pin»</translation>
    </message>
    <message>
        <source>light-dark()</source>
        <translation>light-dark()</translation>
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
        <translation>має бути від {low} до {high} с (зараз {value:g})</translation>
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
        <source>not an ordinary file</source>
        <translation>не звичайний файл</translation>
    </message>
    <message>
        <source>the &lt;!DOCTYPE&gt;</source>
        <translation>&lt;!DOCTYPE&gt;</translation>
    </message>
    <message>
        <source>the start tag of {element}</source>
        <translation>початковий тег {element}</translation>
    </message>
    <message>
        <source>{count} steps is too many; at most {limit}</source>
        <translation>забагато кроків: {count}; щонайбільше {limit}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{file} was being drawn when a previous start stopped; it is skipped until it changes.</source>
        <translation>Файл {file} саме малювався, коли попередній запуск зупинився; його пропущено, доки він не зміниться.</translation>
    </message>
    <message>
        <source>{file} was being loaded when a previous start stopped; it is skipped until it changes.</source>
        <translation>Файл {file} саме завантажувався, коли попередній запуск зупинився; його пропущено, доки він не зміниться.</translation>
    </message>
    <message>
        <source>{file}: Qt&apos;s SVG engine cannot draw this file ({detail}).</source>
        <translation>{file}: SVG-рушій Qt не може намалювати цей файл ({detail}).</translation>
    </message>
    <message>
        <source>{file}: a &lt;style&gt; sheet has a comment that never ends (/* without */).</source>
        <translation>{file}: у таблиці &lt;style&gt; є коментар, який ніде не закінчується (/* без */).</translation>
    </message>
    <message>
        <source>{file}: a &lt;style&gt; sheet is not a plain list of rules (it has nested rules, or braces that do not pair); reflexmap cannot read it safely.</source>
        <translation>{file}: таблиця &lt;style&gt; — не простий список правил (у ній вкладені правила або непарні дужки); reflexmap не може безпечно її прочитати.</translation>
    </message>
    <message>
        <source>{file}: a &lt;use&gt; refers to itself or the nesting is too deep.</source>
        <translation>{file}: елемент &lt;use&gt; посилається сам на себе або вкладеність завелика.</translation>
    </message>
    <message>
        <source>{file}: a logo must be an SVG or a PNG picture.</source>
        <translation>{file}: логотип має бути зображенням SVG або PNG.</translation>
    </message>
    <message>
        <source>{file}: a value cannot be used ({detail}).</source>
        <translation>{file}: значення не можна використати ({detail}).</translation>
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
        <translation>{file}: елемент «{element}» має непридатну координату ({x:g}, {y:g}).</translation>
    </message>
    <message>
        <source>{file}: elements are nested more than {limit} deep (counting what each &lt;use&gt; copies).</source>
        <translation>{file}: глибина вкладення елементів перевищує {limit} (з урахуванням того, що копіює кожен &lt;use&gt;).</translation>
    </message>
    <message>
        <source>{file}: elements are nested more than {limit} deep.</source>
        <translation>{file}: глибина вкладення елементів перевищує {limit}.</translation>
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
        <source>{file}: its &lt;use&gt; elements copy more than {limit} elements.</source>
        <translation>{file}: його елементи &lt;use&gt; копіюють забагато елементів (понад {limit}).</translation>
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
        <source>{file}: line {line}: Qt&apos;s SVG engine does not apply {construct} in CSS as the SVG standard says, so the rule may style other elements, or none; style the elements by class.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt застосовує {construct} у CSS не так, як велить стандарт SVG, тож правило може оформити інші елементи або жодного; оформлюйте елементи за класом.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine does not know light-dark() in {attribute}{where}: it draws something else; give one colour.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt не знає light-dark() в {attribute}{where}: він малює щось інше; вкажіть один колір.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine does not know the unit of {attribute}=&quot;{length}&quot; on &lt;{tag}&gt; and reads it as 0{where}; give it in px.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt не знає одиниці в значенні «{length}» атрибута {attribute} на &lt;{tag}&gt; і читає це значення як 0{where}; вкажіть його в px.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine draws the &lt;symbol&gt; this &lt;use&gt; shows at the symbol&apos;s own size, ignoring its viewBox and the &lt;use&gt;&apos;s width and height{where}; draw the symbol at the size it is used, or use a &lt;g&gt;.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt малює &lt;symbol&gt;, який показує цей &lt;use&gt;, у власному розмірі символу, не зважаючи на його viewBox і на ширину й висоту &lt;use&gt;{where}; намалюйте символ у тому розмірі, у якому його вжито, або скористайтеся &lt;g&gt;.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine draws {attribute}=&quot;{length}&quot; on &lt;{tag}&gt; about 6% smaller than the SVG standard (it counts 90 pixels an inch, not 96){where}; give it in px.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt малює значення «{length}» атрибута {attribute} на &lt;{tag}&gt; приблизно на 6% меншим, ніж велить стандарт SVG (він рахує 90 пікселів на дюйм, а не 96){where}; вкажіть це значення в px.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine ignores clip-path, so this &lt;{tag}&gt; is drawn, and touchable, beyond its clipping shape{where}; cut the shapes to the outline instead of clipping them.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt не зважає на clip-path, тож цей &lt;{tag}&gt; малюється (і його можна торкнутися) поза формою, що мала б його обрізати{where}; обріжте самі фігури по контуру замість обрізання маскою.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine reads the drawing as {their_w:g} x {their_h:g}, svgelements as {our_w:g} x {our_h:g}: captions may not sit under their views; give the &lt;svg&gt; a viewBox and a width and height in px with the same proportions.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt читає малюнок як {their_w:g} x {their_h:g}, а svgelements — як {our_w:g} x {our_h:g}: підписи можуть опинитися не під своїми виглядами; задайте для &lt;svg&gt; viewBox, а також ширину й висоту в px з тими самими пропорціями.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine skips a nested &lt;svg&gt; (or a &lt;use&gt; of one): nothing inside it is drawn{where}; use a &lt;g&gt; with a transform instead.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt пропускає вкладений &lt;svg&gt; (або &lt;use&gt; такого): нічого всередині не малюється{where}; натомість скористайтеся &lt;g&gt; із transform.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine stops reading this style at an empty or broken declaration and ignores what follows (&quot;{rest}&quot;){where}; remove it.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt припиняє читати цей style на порожньому чи хибному оголошенні й пропускає все, що далі («{rest}»){where}; приберіть таке оголошення.</translation>
    </message>
    <message>
        <source>{file}: line {line}: lists or tables are nested more than {limit} deep.</source>
        <translation>{file}: рядок {line}: глибина вкладення списків або таблиць перевищує {limit}.</translation>
    </message>
    <message>
        <source>{file}: line {line}: preserveAspectRatio=&quot;{value}&quot; is ignored: the map always keeps the drawing&apos;s proportions and centres it.</source>
        <translation>{file}: рядок {line}: значення «{value}» атрибута preserveAspectRatio не враховується: карта завжди зберігає пропорції малюнка й розміщує його по центру.</translation>
    </message>
    <message>
        <source>{file}: line {line}: the id &quot;{id}&quot; is used by {count} elements; Qt&apos;s SVG engine uses the last one, svgelements the first: give each its own id.</source>
        <translation>{file}: рядок {line}: ідентифікатор «{id}» мають кілька елементів ({count}); SVG-рушій Qt бере останній, svgelements — перший: дайте кожному власний ідентифікатор.</translation>
    </message>
    <message>
        <source>{file}: line {line}: this &lt;{tag}&gt; is not inside &lt;defs&gt;, so Qt&apos;s SVG engine draws its shapes as part of the picture{where}; move it into &lt;defs&gt;.</source>
        <translation>{file}: рядок {line}: цей &lt;{tag}&gt; не всередині &lt;defs&gt;, тож SVG-рушій Qt малює його фігури як частину малюнка{where}; перенесіть його в &lt;defs&gt;.</translation>
    </message>
    <message>
        <source>{file}: line {line}: where a browser draws nothing for this &lt;switch&gt;, Qt&apos;s SVG engine draws its fallback (such as draw.io&apos;s &quot;Text is not SVG&quot; note){where}; remove the &lt;switch&gt;.</source>
        <translation>{file}: рядок {line}: там, де браузер для цього &lt;switch&gt; нічого не малює, SVG-рушій Qt малює запасний варіант (як-от примітку draw.io «Text is not SVG»){where}; приберіть &lt;switch&gt;.</translation>
    </message>
    <message>
        <source>{file}: line {line}: zone &quot;{zone}&quot; is never drawn (it is only in &lt;defs&gt;, an unused &lt;symbol&gt;, a nested &lt;svg&gt; or something not displayed), so it cannot be touched{because}.</source>
        <translation>{file}: рядок {line}: зона «{zone}» ніде не малюється (вона лише в &lt;defs&gt;, у невикористаному &lt;symbol&gt;, у вкладеному &lt;svg&gt; або серед того, що не показується), тож її не можна торкнутися{because}.</translation>
    </message>
    <message>
        <source>{file}: line {line}: zone &quot;{zone}&quot;: svgelements (the SVG standard) and Qt&apos;s SVG engine (the picture) disagree on {share}% of its area{because}.</source>
        <translation>{file}: рядок {line}: зона «{zone}»: svgelements (стандарт SVG) і SVG-рушій Qt (малюнок) не збігаються на {share}% її площі{because}.</translation>
    </message>
    <message>
        <source>{file}: line {line}: zone &quot;{zone}&quot;{on} draws nothing, so it cannot be touched{because}.</source>
        <translation>{file}: рядок {line}: зона «{zone}»{on} нічого не малює, тож її не можна торкнутися{because}.</translation>
    </message>
    <message>
        <source>{file}: line {line}: zone &quot;{zone}&quot;{on} is almost entirely covered by {others} drawn after it: only {share}% of it can be touched.</source>
        <translation>{file}: рядок {line}: зону «{zone}»{on} майже повністю закривають намальовані після неї {others}: торкнутися можна лише {share}% її площі.</translation>
    </message>
    <message>
        <source>{file}: line {line}: zone &quot;{zone}&quot;{on} is entirely covered by {others} drawn after it, so it cannot be touched.</source>
        <translation>{file}: рядок {line}: зону «{zone}»{on} повністю закривають намальовані після неї {others}, тож її не можна торкнутися.</translation>
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
        <source>{file}: the PNG picture has a damaged header.</source>
        <translation>{file}: заголовок зображення PNG пошкоджено.</translation>
    </message>
    <message>
        <source>{file}: the PNG picture has no valid header.</source>
        <translation>{file}: зображення PNG не має правильного заголовка.</translation>
    </message>
    <message>
        <source>{file}: the compressed data is cut short.</source>
        <translation>{file}: стиснені дані обірвано.</translation>
    </message>
    <message>
        <source>{file}: the compressed data is damaged ({detail}).</source>
        <translation>{file}: стиснені дані пошкоджено ({detail}).</translation>
    </message>
    <message>
        <source>{file}: the drawing applies more than {limit:,} transforms (each element counting those of the groups around it, and each copy a &lt;use&gt; makes).</source>
        <translation>{file}: малюнок застосовує забагато перетворень (понад {limit:,}; кожен елемент рахує й перетворення груп навколо нього, а також кожну копію, яку робить &lt;use&gt;).</translation>
    </message>
    <message>
        <source>{file}: the drawing has more than {limit:,} &lt;use&gt; elements.</source>
        <translation>{file}: малюнок має забагато елементів &lt;use&gt; (понад {limit:,}).</translation>
    </message>
    <message>
        <source>{file}: the drawing has more than {limit:,} elements once each &lt;use&gt; is expanded.</source>
        <translation>{file}: після розгортання кожного &lt;use&gt; малюнок має забагато елементів (понад {limit:,}).</translation>
    </message>
    <message>
        <source>{file}: the drawing has more than {limit:,} elements.</source>
        <translation>{file}: малюнок має забагато елементів (понад {limit:,}).</translation>
    </message>
    <message>
        <source>{file}: the drawing has text, which needs a running Qt application to lay out.</source>
        <translation>{file}: у малюнку є текст, а щоб його розкласти, потрібна запущена програма Qt.</translation>
    </message>
    <message>
        <source>{file}: the file declares entities, which reflexmap refuses for safety.</source>
        <translation>{file}: файл оголошує сутності, а з міркувань безпеки reflexmap такого не приймає.</translation>
    </message>
    <message>
        <source>{file}: the file is not well-formed XML ({detail}).</source>
        <translation>{file}: файл не є коректним XML ({detail}).</translation>
    </message>
    <message>
        <source>{file}: the file is not well-formed XML ({detail}, line {line}, column {column}).</source>
        <translation>{file}: файл не є правильно сформованим XML ({detail}, рядок {line}, стовпець {column}).</translation>
    </message>
    <message>
        <source>{file}: step {step}, field {field}: {problem}.</source>
        <translation>{file}: крок {step}, поле {field}: {problem}.</translation>
    </message>
    <message>
        <source>, because it is hidden ({hidden})</source>
        <translation>, бо її приховано ({hidden})</translation>
    </message>
    <message>
        <source>, because it is hidden ({hidden}) and because of {causes}</source>
        <translation>, бо її приховано ({hidden}), а також через {causes}</translation>
    </message>
    <message>
        <source>, because of {causes}</source>
        <translation>, через {causes}</translation>
    </message>
    <message>
        <source>, possibly because of what is on line {lines}</source>
        <translation>, можливо, через те, що в рядку {lines}</translation>
    </message>
    <message>
        <source>what is on line {lines}</source>
        <translation>те, що в рядку {lines}</translation>
    </message>
    <message>
        <source>{attribute}=&quot;{length}&quot;</source>
        <translation>{attribute} «{length}»</translation>
    </message>
    <message>
        <source>{attribute}=&quot;{value}&quot;</source>
        <translation>{attribute} «{value}»</translation>
    </message>
    <message>
        <source>{construct} on line {line}</source>
        <translation>{construct} у рядку {line}</translation>
    </message>
    <message>
        <source>{file}: Qt&apos;s SVG engine says, reading line {line}: {detail}</source>
        <translation>{file}: SVG-рушій Qt повідомляє, читаючи рядок {line}: {detail}</translation>
    </message>
    <message>
        <source>{file}: Qt&apos;s SVG engine says: {detail}</source>
        <translation>{file}: SVG-рушій Qt повідомляє: {detail}</translation>
    </message>
    <message>
        <source>{file}: its zones are drawn in {layers:,} separate runs among {elements:,} elements, too many to draw each alone; draw each zone&apos;s shapes one after another, in fewer runs.</source>
        <translation>{file}: зони намальовано окремими частинами (їх {layers:,}) серед елементів (їх {elements:,}) — забагато, щоб намалювати кожну окремо; малюйте фігури кожної зони одну за одною, меншою кількістю частин.</translation>
    </message>
    <message>
        <source>{file}: line {line}, field {field}: {problem}</source>
        <translation>{file}: рядок {line}, поле {field}: {problem}</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine ignores the unit of {attribute}=&quot;{length}&quot; on &lt;{tag}&gt; and reads it as {number} px, where the SVG standard says {standard:g} px{where}; give it in px.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt не зважає на одиницю в значенні «{length}» атрибута {attribute} на &lt;{tag}&gt; і читає його як {number} px, а за стандартом SVG це {standard:g} px{where}; вкажіть це значення в px.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine ignores the unit of {attribute}=&quot;{length}&quot; on &lt;{tag}&gt; and reads it as {number} px{where}; give it in px.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt не зважає на одиницю в значенні «{length}» атрибута {attribute} на &lt;{tag}&gt; і читає його як {number} px{where}; вкажіть це значення в px.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine may not read the unit of {attribute}=&quot;{length}&quot; on &lt;{tag}&gt; as the SVG standard does{where}; give it in px.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt може прочитати одиницю в значенні «{length}» атрибута {attribute} на &lt;{tag}&gt; не так, як велить стандарт SVG{where}; вкажіть це значення в px.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine reads {attribute}=&quot;{length}&quot; on &lt;{tag}&gt; as {drawn:g} px{where}; give it in px.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt читає значення «{length}» атрибута {attribute} на &lt;{tag}&gt; як {drawn:g} px{where}; вкажіть це значення в px.</translation>
    </message>
    <message>
        <source>{file}: line {line}: Qt&apos;s SVG engine reads {attribute}=&quot;{length}&quot; on &lt;{tag}&gt; as {number} px, not as a share of the drawing&apos;s size{where}; give it in px.</source>
        <translation>{file}: рядок {line}: SVG-рушій Qt читає значення «{length}» атрибута {attribute} на &lt;{tag}&gt; як {number} px, а не як частку розміру малюнка{where}; вкажіть це значення в px.</translation>
    </message>
    <message>
        <source>{file}: line {line}: svgelements could not read this &lt;{tag}&gt;{where}: {detail}, so reflexmap cannot double-check where it is drawn.</source>
        <translation>{file}: рядок {line}: svgelements не змогла прочитати цей &lt;{tag}&gt;{where}: {detail}, тож reflexmap не може перевірити, де його намальовано.</translation>
    </message>
    <message>
        <source>{file}: step {step}: {problem}.</source>
        <translation>{file}: крок {step}: {problem}.</translation>
    </message>
    <message>
        <source>{file}: svgelements could not read the drawing ({detail}), so reflexmap cannot double-check where any zone is drawn.</source>
        <translation>{file}: svgelements не змогла прочитати малюнок ({detail}), тож reflexmap не може перевірити, де намальовано зони.</translation>
    </message>
    <message>
        <source>{file}: svgelements could not read the drawing ({detail}).</source>
        <translation>{file}: svgelements не зміг прочитати малюнок ({detail}).</translation>
    </message>
    <message>
        <source>{file}: the drawing has no usable width and height.</source>
        <translation>{file}: у малюнку немає придатних ширини й висоти.</translation>
    </message>
    <message>
        <source>{file}: the drawing names more than {limit} zones (data-zone); a foot chart has a handful.</source>
        <translation>{file}: у малюнку забагато назв зон (data-zone): понад {limit}; на схемі стопи їх лише кілька.</translation>
    </message>
    <message>
        <source>{file}: the drawing needs more memory than reflexmap allows.</source>
        <translation>{file}: малюнку потрібно більше памʼяті, ніж дозволяє reflexmap.</translation>
    </message>
    <message>
        <source>{file}: the drawing&apos;s &lt;style&gt; sheets have more than {limit:,} characters (counting each copy a &lt;use&gt; makes).</source>
        <translation>{file}: таблиці &lt;style&gt; малюнка мають забагато символів (понад {limit:,}; з урахуванням кожної копії, яку робить &lt;use&gt;).</translation>
    </message>
    <message>
        <source>{file}: the drawing&apos;s attributes, text and styles come to more than {limit:,} characters once each &lt;use&gt; is expanded.</source>
        <translation>{file}: після розгортання кожного &lt;use&gt; атрибути, текст і стилі малюнка мають забагато символів (понад {limit:,}).</translation>
    </message>
    <message>
        <source>{file}: the drawing&apos;s elements inherit more than {limit:,} attributes in all; move attributes off the outer groups.</source>
        <translation>{file}: елементи малюнка загалом успадковують забагато атрибутів (понад {limit:,}); перенесіть атрибути із зовнішніх груп.</translation>
    </message>
    <message>
        <source>{file}: the drawing&apos;s paths have more than {limit:,} numbers (counting each copy a &lt;use&gt; makes); simplify the paths.</source>
        <translation>{file}: контури малюнка мають забагато чисел (понад {limit:,}; з урахуванням кожної копії, яку робить &lt;use&gt;); спростіть контури.</translation>
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
        <source>{file}: the file is more than {limit:,} bytes, the limit.</source>
        <translation>{file}: файл більший за граничний розмір, {limit:,} Б.</translation>
    </message>
    <message>
        <source>{file}: the file is nested too deeply to read.</source>
        <translation>{file}: вкладеність у файлі завелика, щоб його прочитати.</translation>
    </message>
    <message>
        <source>{file}: the file is {size:,} bytes; the limit is {limit:,}.</source>
        <translation>{file}: розмір файлу — {size:,} Б; межа — {limit:,} Б.</translation>
    </message>
    <message>
        <source>{file}: the file unpacks to more than {limit:,} bytes, the limit.</source>
        <translation>{file}: розпакований файл більший за граничний розмір, {limit:,} Б.</translation>
    </message>
    <message>
        <source>{file}: the picture in {element} is damaged (its base64 data cannot be read).</source>
        <translation>{file}: зображення в {element} пошкоджене (його дані base64 не читаються).</translation>
    </message>
    <message>
        <source>{file}: the picture in {element} is not a PNG or JPEG picture.</source>
        <translation>{file}: зображення в {element} не є зображенням PNG або JPEG.</translation>
    </message>
    <message>
        <source>{file}: the picture is {width:,} x {height:,} pixels; at most {limit:,} pixels in all are allowed.</source>
        <translation>{file}: розмір зображення — {width:,} x {height:,} пкс; загалом дозволено щонайбільше {limit:,} пкс.</translation>
    </message>
    <message>
        <source>{file}: the pictures embedded in it have more than {limit:,} pixels in all.</source>
        <translation>{file}: вбудовані в нього зображення загалом мають забагато пікселів (понад {limit:,}).</translation>
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
        <source>{file}: this is a symbolic link, which reflexmap does not follow here.</source>
        <translation>{file}: це символьне посилання, а reflexmap тут посиланнями не переходить.</translation>
    </message>
    <message>
        <source>{file}: this is not a PNG picture (it lacks PNG&apos;s signature).</source>
        <translation>{file}: це не зображення PNG (немає підпису PNG).</translation>
    </message>
    <message>
        <source>{file}: this is {what}, not an ordinary file; reflexmap reads only ordinary files.</source>
        <translation>{file}: це {what}, а не звичайний файл; reflexmap читає лише звичайні файли.</translation>
    </message>
    <message>
        <source>{file}: zone {zone} is drawn in more than {limit:,} pieces; join them into fewer shapes.</source>
        <translation>{file}: у зоні {zone} забагато окремих частин (понад {limit:,}); обʼєднайте їх у менше фігур.</translation>
    </message>
    <message>
        <source>{file}: {element} has a &quot;font&quot; value with a &quot;;&quot; in it.</source>
        <translation>{file}: {element} має значення «font» із «;».</translation>
    </message>
    <message>
        <source>{file}: {element} has a &quot;style&quot; value longer than {limit:,} characters.</source>
        <translation>{file}: {element} має задовге значення «style» (символів у ньому понад {limit:,}).</translation>
    </message>
    <message>
        <source>{file}: {element} has a &quot;{attribute}&quot; value longer than {limit:,} characters.</source>
        <translation>{file}: {element} має задовге значення «{attribute}» (символів у ньому понад {limit:,}).</translation>
    </message>
    <message>
        <source>{file}: {element} has a number of more than {limit} digits in its &quot;{attribute}&quot; value.</source>
        <translation>{file}: {element} має у значенні «{attribute}» задовге число (цифр у ньому понад {limit}).</translation>
    </message>
    <message>
        <source>{file}: {element} has a style declaration longer than {limit:,} characters.</source>
        <translation>{file}: {element} має задовге оголошення стилю (символів у ньому понад {limit:,}).</translation>
    </message>
    <message>
        <source>{file}: {element} has more than {limit} attributes.</source>
        <translation>{file}: {element} має забагато атрибутів (понад {limit}).</translation>
    </message>
    <message>
        <source>{file}: {element} has unreadable data in its {what} near &quot;{near}&quot;.</source>
        <translation>{file}: {element} має нечитабельні дані в {what} біля «{near}».</translation>
    </message>
    <message>
        <source>{file}: {element} is not a base64 PNG or JPEG picture; embed pictures as data:image/png;base64,... or data:image/jpeg;base64,...</source>
        <translation>{file}: {element} — не зображення PNG або JPEG у base64; вбудовуйте зображення як data:image/png;base64,... або data:image/jpeg;base64,...</translation>
    </message>
    <message>
        <source>{file}: {element} links to &quot;{link}&quot;; art may embed pictures only as data: URIs (inside the file), never take them from elsewhere.</source>
        <translation>{file}: {element} посилається на «{link}»; малюнок може вбудовувати зображення лише як data: URI (усередині файлу) і ніколи не брати їх деінде.</translation>
    </message>
    <message>
        <source>{file}: {element} links to &quot;{link}&quot;; links in art may point only inside the file (#id).</source>
        <translation>{file}: {element} посилається на «{link}»; посилання в малюнку можуть вказувати лише всередину файлу (#id).</translation>
    </message>
    <message>
        <source>{file}: {problem}.</source>
        <translation>{file}: {problem}.</translation>
    </message>
    <message>
        <source>{file}: {what} is longer than {limit:,} characters.</source>
        <translation>{file}: {what} має забагато символів (понад {limit:,}).</translation>
    </message>
    <message>
        <source>{first}, {then}</source>
        <translation>{first}, {then}</translation>
    </message>
    <message>
        <source>{folder}: --routines names no folder.</source>
        <translation>{folder}: у --routines вказано не теку.</translation>
    </message>
    <message>
        <source>{folder}: {count:,} routine files; reflexmap reads the first {limit} (by name) and skips the rest.</source>
        <translation>{folder}: файлів програм — {count:,}; reflexmap читає перші {limit} (за назвою), а решту пропускає.</translation>
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
        <source>{problem} That setting is left at its default.</source>
        <translation>{problem} Це налаштування лишається типовим.</translation>
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
        <source>{property}: {value} on line {line}</source>
        <translation>{property}: {value} (рядок {line})</translation>
    </message>
    <message>
        <source>{value!r} is neither a number of seconds nor &quot;until-done&quot;</source>
        <translation>{value!r} — це не кількість секунд і не «until-done»</translation>
    </message>
    <message>
        <source>{value!r} is not a colour like &quot;#c8553d&quot;</source>
        <translation>{value!r} — це не колір на кшталт «#c8553d»</translation>
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
        <translation>задовго: {value:g} с; крок триває щонайбільше {limit} с</translation>
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
