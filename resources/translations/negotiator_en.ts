<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <location filename="../../ui/detail_pane.py" line="+207"/>
        <source>%n bracket(s)</source>
        <translation>
            <numerusform>%n bracket</numerusform>
            <numerusform>%n brackets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <location filename="../../ui/import_flow.py" line="+117"/>
        <source>Imported %1: %n paragraph(s)</source>
        <translation>
            <numerusform>Imported %1: %n paragraph</numerusform>
            <numerusform>Imported %1: %n paragraphs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../ui/import_dialog.py" line="+177"/>
        <source>%n paragraph(s) detected</source>
        <translation>
            <numerusform>%n paragraph detected</numerusform>
            <numerusform>%n paragraphs detected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n numbered</source>
        <translation>
            <numerusform>%n numbered</numerusform>
            <numerusform>%n numbered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bracket(s)</source>
        <translation>
            <numerusform>%n bracket</numerusform>
            <numerusform>%n brackets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="+259"/>
        <source>%n negotiation(s) in this store</source>
        <translation>
            <numerusform>%n negotiation in this store</numerusform>
            <numerusform>%n negotiations in this store</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/filter_bar.py" line="+76"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraph</numerusform>
            <numerusform>%n paragraphs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NegotiationTree</name>
    <message numerus="yes">
        <location filename="../../ui/models/tree.py" line="+35"/>
        <source>%1 · %n draft(s)</source>
        <translation>
            <numerusform>%1 · %n draft</numerusform>
            <numerusform>%1 · %n drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraph</numerusform>
            <numerusform>%n paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n bracket(s)</source>
        <translation>
            <numerusform>%n bracket</numerusform>
            <numerusform>%n brackets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message numerus="yes">
        <location filename="../../ui/packages.py" line="+66"/>
        <source>%n draft(s) this store did not hold</source>
        <translation>
            <numerusform>%n draft this store did not hold</numerusform>
            <numerusform>%n drafts this store did not hold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new position(s)</source>
        <translation>
            <numerusform>%n new position</numerusform>
            <numerusform>%n new positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n position(s) changed</source>
        <translation>
            <numerusform>%n position changed</numerusform>
            <numerusform>%n positions changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n change(s) added to the history of positions</source>
        <translation>
            <numerusform>%n change added to the history of positions</numerusform>
            <numerusform>%n changes added to the history of positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new note(s)</source>
        <translation>
            <numerusform>%n new note</numerusform>
            <numerusform>%n new notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n note(s) deleted</source>
        <translation>
            <numerusform>%n note deleted</numerusform>
            <numerusform>%n notes deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n paragraph status(es) set (agreed, agreed ad ref)</source>
        <translation>
            <numerusform>%n paragraph status set (agreed, agreed ad ref)</numerusform>
            <numerusform>%n paragraph statuses set (agreed, agreed ad ref)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n conflict(s) to resolve: the same position was changed on both laptops. Both versions are kept until you choose one, in the next window.</source>
        <translation>
            <numerusform>%n conflict to resolve: the same position was changed on both laptops. Both versions are kept until you choose one, in the next window.</numerusform>
            <numerusform>%n conflicts to resolve: the same position was changed on both laptops. Both versions are kept until you choose one, in the next window.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n position(s) with their history</source>
        <translation>
            <numerusform>%n position with their history</numerusform>
            <numerusform>%n positions with their history</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n paragraph status(es)</source>
        <translation>
            <numerusform>%n paragraph status</numerusform>
            <numerusform>%n paragraph statuses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n draft</numerusform>
            <numerusform>%n drafts</numerusform>
        </translation>
    </message>
</context>
</TS>
