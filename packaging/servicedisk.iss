; Inno Setup script for Windows: build dist\servicedisk with PyInstaller first.
[Setup]
AppName=Servicedisk
AppVersion=0.1.0
DefaultDirName={autopf}\Servicedisk
DefaultGroupName=Servicedisk
OutputBaseFilename=servicedisk-setup
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\dist\servicedisk\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\Servicedisk"; Filename: "{app}\servicedisk.exe"
Name: "{group}\Servicedisk väntrumsskärm"; Filename: "{app}\servicedisk.exe"; Parameters: "--display"
