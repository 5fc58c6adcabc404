; Inno Setup script for Windows: Inno Setup 6.3 or newer (docs/packaging.md, step by step).
; Build dist\servicedisk with PyInstaller first (packaging\servicedisk.spec), then, from the
; repository's root:
;     iscc /DAppVersion=0.1.0 packaging\servicedisk.iss
; which writes dist\servicedisk-0.1.0-setup.exe.
;
; A per-machine install for a shared office PC: the program under Program Files, and the
; office's data in one folder under ProgramData that every user of the PC shares (the
; reception's, the display's and the kiosk's accounts open one store). The shortcuts name
; that folder, and so does SERVICEDISK_DATA_DIR for the command line. The privacy trade-off
; (every local user may read the store) is in docs/packaging.md, "A shared PC".

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define DataDir "{commonappdata}\Servicedisk"

[Setup]
; The product's identity for upgrades and uninstall: never change it.
AppId={{1F7027C2-1E5D-4480-A3A4-639D66CB1955}
AppName=Servicedisk
AppVersion={#AppVersion}
AppVerName=Servicedisk {#AppVersion}
AppPublisher=Servicedisk
DefaultDirName={autopf}\Servicedisk
DefaultGroupName=Servicedisk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesEnvironment=yes
CloseApplications=yes
UninstallDisplayIcon={app}\servicedisk.exe
OutputDir=..\dist
OutputBaseFilename=servicedisk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
sv.DisplayName=Servicedisk väntrumsskärm
en.DisplayName=Servicedisk waiting-room display
sv.KioskName=Servicedisk kiosk
en.KioskName=Servicedisk kiosk
sv.StartGroup=Starta när någon loggar in på datorn:
en.StartGroup=Start when someone signs in to this PC:
sv.StartDisplay=Väntrumsskärmen (en dator vid skärmen i väntrummet)
en.StartDisplay=The waiting-room display (a PC at the waiting room's screen)
sv.StartKiosk=Kiosken (en dator med pekskärm för besökarna)
en.StartKiosk=The kiosk (a touch-screen PC for visitors)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "startdisplay"; Description: "{cm:StartDisplay}"; GroupDescription: "{cm:StartGroup}"; Flags: unchecked
Name: "startkiosk"; Description: "{cm:StartKiosk}"; GroupDescription: "{cm:StartGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program whole: no library of an older version stays beside it.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\servicedisk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The office's store, backups and logs, for every user of this PC. Kept on uninstall: it
; holds the office's records.
Name: "{#DataDir}"; Permissions: users-modify; Flags: uninsneveruninstall

[Registry]
; The command line (servicedisk-cli) opens the same store as the shortcuts.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
  ValueType: string; ValueName: "SERVICEDISK_DATA_DIR"; ValueData: "{#DataDir}"; \
  Flags: uninsdeletevalue

[Icons]
Name: "{group}\Servicedisk"; Filename: "{app}\servicedisk.exe"; \
  Parameters: "--data-dir ""{#DataDir}"""
Name: "{group}\{cm:DisplayName}"; Filename: "{app}\servicedisk.exe"; \
  Parameters: "--display --data-dir ""{#DataDir}"""
Name: "{group}\{cm:KioskName}"; Filename: "{app}\servicedisk.exe"; \
  Parameters: "--kiosk --data-dir ""{#DataDir}"""
Name: "{group}\{cm:UninstallProgram,Servicedisk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Servicedisk"; Filename: "{app}\servicedisk.exe"; \
  Parameters: "--data-dir ""{#DataDir}"""; Tasks: desktopicon
Name: "{commonstartup}\{cm:DisplayName}"; Filename: "{app}\servicedisk.exe"; \
  Parameters: "--display --data-dir ""{#DataDir}"""; Tasks: startdisplay
Name: "{commonstartup}\{cm:KioskName}"; Filename: "{app}\servicedisk.exe"; \
  Parameters: "--kiosk --data-dir ""{#DataDir}"""; Tasks: startkiosk

[Run]
Filename: "{app}\servicedisk.exe"; Parameters: "--data-dir ""{#DataDir}"""; \
  Description: "{cm:LaunchProgram,Servicedisk}"; Flags: nowait postinstall skipifsilent
