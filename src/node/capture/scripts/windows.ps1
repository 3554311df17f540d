# kube-netdoctor node capture, Windows (Windows PowerShell 5.1 or later). Runs the
# commands of the snapshot layout (docs/snapshot-format.md, "Node outputs") on this
# host and saves each output under the file name the analyser reads.
#
#   powershell -File windows.ps1 -OutDir <dir>   write <dir>\<file> (copy to nodes\<node-name>\ of the snapshot)
#   powershell -File windows.ps1                 print every file between marker lines on stdout
#                                                (what `kube-netdoctor capture` reads back from the node)
#
# Read-only: it lists HNS networks, endpoints, adapters, ports and logs and changes
# nothing. Run as Administrator. A command missing on the host is recorded, never fatal.
param([string]$OutDir = '')

$ErrorActionPreference = 'Continue'
$Marker = '##### kube-netdoctor'
# Through a pipe (kubectl exec) PowerShell would write the OEM code page; adapter names may be localised.
if ($OutDir -eq '') { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false) }
if ($OutDir -ne '') {
    New-Item -ItemType Directory -Force -Path (Join-Path $OutDir 'cni') | Out-Null
    New-Item -ItemType Directory -Force -Path (Join-Path $OutDir 'logs') | Out-Null
}

function Write-Missing([string]$File, [string]$Why) {
    if ($OutDir -ne '') { Write-Warning "kube-netdoctor: $File not captured: $Why" }
    else { Write-Output "$Marker missing $File $Why" }
}

function Save-Output([string]$File, [string]$Command, [scriptblock]$Block) {
    if (-not (Get-Command $Command -ErrorAction SilentlyContinue)) {
        Write-Missing $File "$Command not found"
        return
    }
    try {
        $text = (& $Block 2>$null | Out-String -Width 4096)
    } catch {
        Write-Missing $File "$Command failed"
        return
    }
    if ($OutDir -ne '') {
        [System.IO.File]::WriteAllText((Join-Path $OutDir $File), $text, (New-Object System.Text.UTF8Encoding($false)))
    } else {
        Write-Output "$Marker begin $File"
        Write-Output $text.TrimEnd()
        Write-Output "$Marker end $File"
    }
}

function Save-File([string]$File, [string]$Path) {
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        Write-Missing $File "$Path not found"
        return
    }
    Save-Output $File 'Get-Content' { Get-Content -LiteralPath $Path -Raw }
}

# Get-HnsNetwork / Get-HnsEndpoint: the HostNetworkingService module, or hns.psm1 where
# the node was set up with Microsoft's SDN scripts.
if (-not (Get-Command Get-HnsNetwork -ErrorAction SilentlyContinue)) {
    foreach ($psm in @('C:\k\hns.psm1', 'C:\k\debug\hns.psm1')) {
        if (Test-Path $psm) { Import-Module $psm -DisableNameChecking -ErrorAction SilentlyContinue; break }
    }
}

Save-Output 'hns-networks.json' 'Get-HnsNetwork' { ConvertTo-Json -InputObject @(Get-HnsNetwork) -Depth 10 }
Save-Output 'hns-endpoints.json' 'Get-HnsEndpoint' { ConvertTo-Json -InputObject @(Get-HnsEndpoint) -Depth 10 }
Save-Output 'hnsdiag-networks' 'hnsdiag.exe' { hnsdiag.exe list networks }
Save-Output 'hnsdiag-endpoints' 'hnsdiag.exe' { hnsdiag.exe list endpoints }
Save-Output 'hnsdiag-loadbalancers' 'hnsdiag.exe' { hnsdiag.exe list loadbalancers }
Save-Output 'net-adapters' 'Get-NetAdapter' { Get-NetAdapter -IncludeHidden | Format-Table -AutoSize Name, InterfaceDescription, ifIndex, Status, MacAddress, LinkSpeed }
Save-Output 'dynamicport' 'netsh.exe' { netsh.exe int ipv4 show dynamicport tcp }
# JSON keeps each command line whole (a table cuts or wraps the long kube-proxy and kubelet lines).
Save-Output 'processes.json' 'Get-CimInstance' { ConvertTo-Json -InputObject @(Get-CimInstance Win32_Process | Select-Object ProcessId, CommandLine) }
# Each Windows CNI plugin run without arguments prints the release it was built from on stderr
# ("CNI win-bridge plugin v0.8.6"); HostPort needs v0.8.6 or later.
$CniBin = @('C:\k\cni', 'C:\opt\cni\bin') | Where-Object { Test-Path -Path (Join-Path $_ 'win-*.exe') } | Select-Object -First 1
if ($CniBin) {
    Save-Output 'cni-plugin-version.txt' 'Get-ChildItem' {
        foreach ($plugin in Get-ChildItem -Path (Join-Path $CniBin 'win-*.exe') -File) {
            "==> $($plugin.FullName)"
            & $plugin.FullName 2>&1 | ForEach-Object { "$_" }
        }
    }
} else {
    Write-Missing 'cni-plugin-version.txt' 'no win-*.exe CNI plugin in C:\k\cni or C:\opt\cni\bin'
}
Save-File 'sourcevip.json' 'C:\k\SourceVip.json'
Save-File 'subnet.env' 'C:\run\flannel\subnet.env'
foreach ($dir in @('C:\k\cni\config', 'C:\etc\cni\net.d')) {
    if (Test-Path $dir) {
        Get-ChildItem -LiteralPath $dir -File | ForEach-Object { Save-File ("cni/" + $_.Name) $_.FullName }
    }
}
foreach ($log in @('kubelet', 'kube-proxy', 'flanneld', 'containerd')) {
    foreach ($path in @("C:\k\$log.log", "C:\var\log\$log\$log.log", "C:\k\logs\$log.log")) {
        if (Test-Path -LiteralPath $path -PathType Leaf) {
            Save-Output "logs/$log.log" 'Get-Content' { Get-Content -LiteralPath $path -Tail 20000 }
            break
        }
    }
}
Write-Missing 'reservedports.txt' 'run Microsoft SDN CollectLogs.ps1 on the node for the port-reservation test'
exit 0
