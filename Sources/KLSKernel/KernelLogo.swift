/// The kernel's logo for Jupyter's launcher: the seed experiment's picture — P's two peaks
/// (blue) and the mode-covering Q fitted to them (red). PNG files of 32 and 64 pixels.
enum KernelLogo {
    /// Each file's name and its PNG bytes in base64 (split over lines).
    static var files: [(name: String, base64: String)] {
        [("logo-32x32.png", small), ("logo-64x64.png", large)]
    }

    private static let small = """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAACHUlEQVR42u1Wu0pDQRC9f2KpiIKCFmIjEQtRiKAggqmCjQ8U
        C02XSlsNqQSFaKMQSCVBiSJEUHxUoiEiETEJAfEV8YEi6IGRYdz72mDSuUxxk3tmzs7snNlrfFV4Gf8ElSAozMymqmuufL7P
        YrH8BDfhMKKTZbw9ZSZ4z+U4Ohn4/kSQvX+RP1EWhSDd1CwLpeDdCYaWj/j5+eBAiW5OQuK1CPoX9s7yj/R8PTxiSSCTkHgt
        gqrp9f3MrWX1LZNgfAkE0eNrPOQDAQ53F4lQxbB3+ufC41HwWgQ4MTjMJc5RAY4lK/6WSjHrQyzGeF0CJEsO3PvmxpevGF8a
        ARqDt4+yKBgkh/rQ263VOOF1CZZ2L+HgHwiSP0RgCUNxCBBv9wKPRtIlQLJw2Glssds+J8EpdvtDpRHw9rlPnAfUWmtXfXBD
        l2BiMXlY18BN4oBEEtxOSEKXYHs0wFp1nYMsFJRUTidbAjl5XEemInVcGC4EUBCfG6p0ks7qDHMcgNSdLYGMDgt1DCrqt1uo
        vhxQNFEMJU15YZE1j60o4nRQpUyCpGMgIgxHBK2bxyS2bxan5do8LQCpJAEzHIYwql87GYVb53zSlYBUCVts69UlGO+bIh9Y
        8fXD9WoiJErK6nEiwEY4unlGKgu3mASz/m0JcB5oTZybNPOFTgvJKUgY686CQPOLSvML6hcBJprzzCl1YRz8tOlTIgERVOLb
        9BvnWeohe8nQXgAAAABJRU5ErkJggg==
        """

    private static let large = """
        iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAEEElEQVR42u2az0tUURTH33/SsoiEglzEbEqIIAODggqaNiJE
        vxa5aGojLUaGikJcGQVWm1ByESHKMLQIkimpIUz6ZYQpUvTLsKII7AsHDpf77o83950nDL3HwYUzfu/9nHPuOffeZ7Ta4k+U
        A+QAOUAOkAPkADlADtAKAL8XFpbK/e+Kxc/Dw3+Xl1sM4OvY2Oz6DWyvOzp+zc62DIA2e7IXW9tF4pAWoHek4f4CPI25xgFg
        c1170+unApia+9TWN+H+DmZpnD3Zx8HBlPqpAK4/eLvuzL3ln39sX8B61VyORYwFoCYSFnewflqAK9WXGAB+Mn6KFOfkwaRX
        6nUj2GKpFKYvAHBg6CEGGJ2eN36K9ODZx9erurJVtuT6YgDwk8P9+GmrmEyIvGpWXwYA6rYBeHLIFocCpu4IgkNfEgB+srnf
        5lq1PTtWgk1fBuD9lx+2Adj9tuQ2flkrRw59GQAUBxqgUKlpH5H7HeXFGC7t+w59YQCYsbw4CrwtCGqxsumLAVCXiQ9AfSqh
        +7UgqI3Zpi8GQF2G7PniN/olkr5Z96tBAIZbPysAbpZUFptyvxYEZKBDXxKg58ZjbQCuiUmKT/zBcYfatk1fGIDaJBnyFb+B
        45PUfm9PIP64foYACDdygIb/Xq0Ga6ou0PTlAVidBqBVyAkQ9mDXxDVA088WYP/FSW0JBj9cBlR9RzOWAeg+1Cd1zEUGUhDa
        T97MEEBtk7D7W7Z5z4fJH2qFAzsPrxEAuT+geblvMR5t2rzx9Ki3GQcCTM4sae4PaF7epnau61RWANwm2f0fnjwTvEp6c+Gy
        FgTb0T4tALn/dqHTffRu9rk63iC/8Eqw6QcC9I40IIoQ0zB7ugdkAaCPqavlSBgAZQHBRYjJ/e5uH6aPeRPAte37HPrhAOwh
        uN979A7bp6hD2PQDAaBI0uR+2Pm7M4IApMlBwEq7dGdaDABljtYuu9979A5u8xyE2omSGMD8seOa+2UBcP5iWQSBVpptn9s0
        gHqtuePokLqhkALQ9ilc64yXfM0BqBea5d096jDea+Sw6wIYyh1nbHy/GIXNXtuoeA9+wadtsoNHKuodvbrpigIyBwZFbQzv
        NXLYWY8N3UB9q8C55AcALl/B2pJHtpIWKrW4uJpI/HYH6RS5p06HVNWe7uqMJ49gIcJCMorDimdvaa/bcHIwAKzU60gY47st
        /P341CvbACKFSN2oxy3+wjNCIGAo7drbK+PskXm0jbMZhk+/jXPrawyRY8ba+zlkFOLb1jfhGMD7VtSbP0n0wcC5lAhgqdxP
        1dftnvS1KLk+coGS3AOAvOJ7QnR4VPokFtbRAvSxVs0AWAyoP1L/zpDpE8HHZMgTrGZsmKQuF9YIYLXFnxwgB/jfAf4BzHvi
        /TJa74MAAAAASUVORK5CYII=
        """
}
