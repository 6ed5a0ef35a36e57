import numpy as np, itertools, math
def lab(h):
    rgb=np.array([(h>>16)&255,(h>>8)&255,h&255])/255.0
    rgb=np.where(rgb<=0.04045,rgb/12.92,((rgb+0.055)/1.055)**2.4)
    M=np.array([[0.4124564,0.3575761,0.1804375],[0.2126729,0.7151522,0.0721750],[0.0193339,0.1191920,0.9503041]])
    x,y,z=M@rgb; xn,yn,zn=0.95047,1.0,1.08883
    f=lambda t: t**(1/3) if t>216/24389 else (24389/27*t+16)/116
    fx,fy,fz=f(x/xn),f(y/yn),f(z/zn)
    return 116*fy-16,500*(fx-fy),200*(fy-fz)
def de(a,b):
    L1,a1,b1=lab(a);L2,a2,b2=lab(b)
    C1=math.hypot(a1,b1);C2=math.hypot(a2,b2);Cb=(C1+C2)/2
    G=0.5*(1-math.sqrt(Cb**7/(Cb**7+25**7)))
    a1p=(1+G)*a1;a2p=(1+G)*a2
    C1p=math.hypot(a1p,b1);C2p=math.hypot(a2p,b2)
    h1=math.degrees(math.atan2(b1,a1p))%360;h2=math.degrees(math.atan2(b2,a2p))%360
    dL=L2-L1;dC=C2p-C1p
    if C1p*C2p==0: dh=0
    else:
        dh=h2-h1
        if dh>180: dh-=360
        elif dh<-180: dh+=360
    dH=2*math.sqrt(C1p*C2p)*math.sin(math.radians(dh/2))
    Lb=(L1+L2)/2;Cbp=(C1p+C2p)/2
    if C1p*C2p==0: hb=h1+h2
    elif abs(h1-h2)<=180: hb=(h1+h2)/2
    elif h1+h2<360: hb=(h1+h2+360)/2
    else: hb=(h1+h2-360)/2
    T=1-0.17*math.cos(math.radians(hb-30))+0.24*math.cos(math.radians(2*hb))+0.32*math.cos(math.radians(3*hb+6))-0.20*math.cos(math.radians(4*hb-63))
    dtheta=30*math.exp(-((hb-275)/25)**2)
    RC=2*math.sqrt(Cbp**7/(Cbp**7+25**7))
    SL=1+0.015*(Lb-50)**2/math.sqrt(20+(Lb-50)**2);SC=1+0.045*Cbp;SH=1+0.015*Cbp*T
    RT=-math.sin(math.radians(2*dtheta))*RC
    return math.sqrt((dL/SL)**2+(dC/SC)**2+(dH/SH)**2+RT*(dC/SC)*(dH/SH))
# Picks the report's 12 strategy colours (Palette.STRATEGY_RGB): the subset of the candidates with the
# largest least pairwise CIEDE2000 difference, also kept far from the benchmark grey #7F7F7F.
# Local search from random starts; run: python3 palette_ciede2000.py (prints the score and the set).
import itertools, random
cands = [0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F,
         0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0xBCBD22, 0x17BECF,
         0x003F5C, 0x7A5195, 0xEF5675, 0xFFA600, 0x6B4C9A, 0x2F4B7C, 0xA05195, 0xD45087, 0xFF7C43,
         0x00429D, 0x93003A, 0x1B9E77, 0xD95F02, 0x7570B3, 0xE7298A, 0x66A61E, 0xE6AB02, 0xA6761D, 0x3B3B98,
         0x0B6E4F, 0x8B0000, 0x4B0082, 0x00CED1, 0x556B2F, 0x800000, 0x000080, 0xAEC7E8, 0xFFBB78, 0x98DF8A,
         0x499894, 0xB6992D, 0xD37295]
grey = 0x7F7F7F
n = len(cands)
D = [[de(a, b) for b in cands] for a in cands]
G = [de(a, grey) for a in cands]


def score(p):
    return min(min(D[i][j] for i, j in itertools.combinations(p, 2)), min(G[i] for i in p))


random.seed(3)
bs, bp = 0, None
for _ in range(200):
    p = random.sample(range(n), 12)
    s = score(p)
    improved = True
    while improved:
        improved = False
        for k in range(12):
            for c in range(n):
                if c in p:
                    continue
                q = p[:]
                q[k] = c
                sq = score(q)
                if sq > s + 1e-9:
                    p, s, improved = q, sq, True
    if s > bs:
        bs, bp = s, p
print(round(bs, 2), ['0x%06X' % cands[i] for i in bp])
