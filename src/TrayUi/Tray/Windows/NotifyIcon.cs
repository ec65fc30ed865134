using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using QbConnector.TrayUi.Status;
using static QbConnector.TrayUi.Tray.Windows.NativeMethods;

namespace QbConnector.TrayUi.Tray.Windows;

/// <summary>
/// The notification-area icon: a hidden window on its own thread that owns the icon, shows
/// whatever <see cref="TrayView"/> it is given, and reports the menu item chosen. Every decision
/// about what to show is in <see cref="TrayPresenter"/>; this only draws it.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe class NotifyIcon : IDisposable
{
    private const uint CallbackMessage = WM_APP + 1;
    private const uint RefreshMessage = WM_APP + 2;
    private const string ClassName = "QbConnectorTray";

    private static NotifyIcon? s_instance;

    private readonly Action<TrayCommand> _chosen;
    private readonly Dictionary<OverallKind, nint> _icons = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile TrayView _view;
    private uint _taskbarCreated;
    private nint _window;

    public NotifyIcon(TrayView initial, Action<TrayCommand> chosen)
    {
        _view = initial;
        _chosen = chosen;
        _thread = new Thread(Run) { IsBackground = true, Name = "Tray icon" };
        _thread.SetApartmentState(ApartmentState.STA);
    }

    public Task StartAsync()
    {
        _thread.Start();
        return _ready.Task;
    }

    public void Show(TrayView view)
    {
        _view = view;
        PostMessage(_window, RefreshMessage, 0, 0);
    }

    public void Dispose()
    {
        if (_window != 0)
        {
            PostMessage(_window, WM_CLOSE, 0, 0);
            _thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    [UnmanagedCallersOnly]
    private static nint WindowProc(nint hWnd, uint message, nint wParam, nint lParam) =>
        s_instance?.Handle(hWnd, message, wParam, lParam) ?? DefWindowProc(hWnd, message, wParam, lParam);

    private void Run()
    {
        try
        {
            s_instance = this;
            var instance = GetModuleHandle(null);
            fixed (char* name = ClassName)
            {
                var windowClass = new WndClassEx { CbSize = (uint)sizeof(WndClassEx), LpfnWndProc = &WindowProc, HInstance = instance, LpszClassName = name };
                RegisterClassEx(&windowClass);
            }

            _taskbarCreated = RegisterWindowMessage("TaskbarCreated");
            _window = CreateWindowEx(0, ClassName, "QuickBooks connector", 0, 0, 0, 0, 0, 0, 0, instance, 0);
            if (_window == 0)
            {
                throw new InvalidOperationException($"The tray window could not be created (error {Marshal.GetLastPInvokeError()}).");
            }

            foreach (var kind in Enum.GetValues<OverallKind>())
            {
                var bits = IconImage.Dib(kind, 32);
                fixed (byte* p = bits)
                {
                    _icons[kind] = CreateIconFromResourceEx(p, (uint)bits.Length, true, 0x00030000, 0, 0, 0);
                }
            }

            Notify(NIM_ADD);
            _ready.TrySetResult();
            Msg msg;
            while (GetMessage(&msg, 0, 0, 0) > 0)
            {
                TranslateMessage(&msg);
                DispatchMessage(&msg);
            }
        }
        catch (Exception ex)
        {
            _ready.TrySetException(ex);
        }
        finally
        {
            foreach (var icon in _icons.Values)
            {
                DestroyIcon(icon);
            }
        }
    }

    private nint Handle(nint hWnd, uint message, nint wParam, nint lParam)
    {
        if (message == CallbackMessage)
        {
            switch ((uint)lParam)
            {
                case WM_LBUTTONUP or WM_LBUTTONDBLCLK:
                    _chosen(TrayCommand.OpenDashboard);
                    break;
                case WM_RBUTTONUP:
                    ShowMenu(hWnd);
                    break;
            }

            return 0;
        }

        if (message == RefreshMessage)
        {
            Notify(NIM_MODIFY);
            return 0;
        }

        if (message == _taskbarCreated && _taskbarCreated != 0)
        {
            // Explorer restarted: the icon must be added again.
            Notify(NIM_ADD);
            return 0;
        }

        switch (message)
        {
            case WM_CLOSE:
                Notify(NIM_DELETE);
                DestroyWindow(hWnd);
                return 0;
            case WM_DESTROY:
                PostQuitMessage(0);
                return 0;
            default:
                return DefWindowProc(hWnd, message, wParam, lParam);
        }
    }

    private void Notify(uint action)
    {
        var view = _view;
        var data = new NotifyIconData
        {
            CbSize = (uint)sizeof(NotifyIconData),
            HWnd = _window,
            UId = 1,
            UFlags = NIF_MESSAGE | NIF_ICON | NIF_TIP,
            UCallbackMessage = CallbackMessage,
            HIcon = _icons.GetValueOrDefault(view.Icon),
        };
        var tip = view.Tooltip.AsSpan(0, Math.Min(view.Tooltip.Length, TrayPresenter.MaxTooltipLength));
        tip.CopyTo(new Span<char>(data.SzTip, 128));
        ShellNotifyIcon(action, &data);
    }

    private void ShowMenu(nint hWnd)
    {
        var menu = CreatePopupMenu();
        try
        {
            foreach (var item in _view.Menu)
            {
                if (item.Command is not { } command)
                {
                    AppendMenu(menu, MF_SEPARATOR, 0, null);
                    continue;
                }

                AppendMenu(menu, MF_STRING | (item.Enabled ? 0 : MF_GRAYED), (nuint)command, item.Label);
                if (item.IsDefault)
                {
                    SetMenuDefaultItem(menu, (uint)command, 0);
                }
            }

            var point = stackalloc int[2];
            GetCursorPos(point);
            // Without this the menu would not close when the person clicks elsewhere.
            SetForegroundWindow(hWnd);
            var chosen = TrackPopupMenuEx(menu, TPM_RETURNCMD | TPM_RIGHTBUTTON, point[0], point[1], hWnd, 0);
            PostMessage(hWnd, WM_NULL, 0, 0);
            if (chosen > 0)
            {
                _chosen((TrayCommand)chosen);
            }
        }
        finally
        {
            DestroyMenu(menu);
        }
    }
}
